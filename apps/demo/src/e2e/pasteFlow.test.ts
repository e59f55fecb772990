/**
 * Pick faster than clicking, in the demo: paste a list of names and a phone number into
 * "批量添加", add them as one change, send, and find them among the recent picks (最近) on the
 * next visit. The page's storage holds the recent picks only: no token.
 */
import { describe, expect, test } from 'vitest'
import { axeViolations, saveScreenshot } from './browser.js'
import { poll, summaryRegion } from './locators.js'
import { setupDemoPage } from './setupDemoPage.js'

const t = setupDemoPage({
  cacheName: 'paste',
  context: { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' },
})

describe('paste a list and recent picks', { timeout: 60_000 }, () => {
  /** Two students whose names nobody else has, and the phone number of one of them. */
  const people = () => {
    const count = new Map<string, number>()
    for (const user of t.data.users) count.set(user.name, (count.get(user.name) ?? 0) + 1)
    const students = t.data.users.filter(
      (u) => u.roles.length === 1 && u.roles[0] === 11 && count.get(u.name) === 1,
    )
    return { byName: students[0]!, byPhone: students[1]! }
  }

  test('pasted names and a phone number are matched and added at once', async () => {
    await t.page.goto(t.demo.url)
    await t.page.getByRole('button', { name: '批量添加' }).click()
    const dialog = t.page.getByRole('dialog', { name: '批量添加' })
    const { byName, byPhone } = people()
    await dialog
      .getByRole('textbox', { name: '粘贴姓名或手机号' })
      .fill(`${byName.name}\n${byPhone.phone}`)
    await dialog.getByRole('button', { name: '识别' }).click()
    await poll(() => dialog.getByRole('status').textContent()).toBe('添加 2 人')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'paste-list', { publish: true })
    await dialog.getByRole('button', { name: '添加 2 人' }).click()
    await poll(() => dialog.isVisible()).toBe(false)
    await poll(() => summaryRegion(t.page).textContent()).toContain('共 2 人')
  })

  test('sent, they are the recent picks of the next visit', async () => {
    await t.page.getByLabel('标题').fill('班级通知')
    await t.page.getByLabel('正文').fill('明天带上作业本。')
    await t.page.getByRole('button', { name: '发送', exact: true }).click()
    const confirm = t.page.getByRole('dialog', { name: '确认发送' })
    await confirm.getByRole('button', { name: '确认发送' }).click()
    await poll(() => t.page.getByRole('region', { name: '通知已发送' }).isVisible()).toBe(true)

    await t.page.goto(t.demo.url)
    const recent = t.page.getByRole('region', { name: '最近' })
    const { byName, byPhone } = people()
    await poll(() => recent.textContent()).toContain(byName.name)
    expect(await recent.textContent()).toContain(byPhone.name)
    await recent.getByRole('checkbox', { name: new RegExp(`^${byName.name}`) }).click()
    await poll(() => summaryRegion(t.page).textContent()).toContain('共 1 人')
    expect(await axeViolations(t.page)).toEqual([])
  })
})
