/**
 * Every state has a face: the mock's fault switches make ePaaS slow or failing, and the page
 * shows loading, errors with a retry that works once ePaaS is back, and a lost session.
 */
import { describe, expect, test } from 'vitest'
import { axeViolations, saveScreenshot } from './browser.js'
import { expectedRecipients, formatCount } from './checks.js'
import { poll, row, rowCheckbox, summaryRegion } from './locators.js'
import { setupDemoPage } from './setupDemoPage.js'

const t = setupDemoPage({
  cacheName: 'errors',
  context: { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' },
})

const MEMBERS = '/department/user/get'
const SELECT = '/campus/department/select'

describe('loading, errors and retries', { timeout: 60_000 }, () => {
  const faults = () => t.demo.backend.mock!.mock.faults
  // Three classes of the first grade: each test counts a selection not counted before, so
  // that no cached answer hides the fault.
  const grade = () => t.data.departments.find((d) => d.tag === 4)!
  const klass = (n: number) => t.data.departmentById.get(grade().childIds[n]!)!
  const tick = (n: number) => rowCheckbox(row(t.page, klass(n).name)).click()
  const openGrade = async () => {
    for (const id of grade().idPath.slice(1)) {
      const name = t.data.departmentById.get(id)!.name
      if ((await row(t.page, name).getAttribute('aria-expanded')) !== 'true') {
        await row(t.page, name).click()
      }
    }
  }
  const expectedTotal = (...classes: number[]) =>
    expectedRecipients(t.data, {
      departments: classes.map((n) => klass(n).id),
      users: [],
      excludedUsers: [],
    }).total

  test('the picker cannot load: an error row, and its retry', async () => {
    faults().set({ http502Rate: 1, paths: [SELECT] })
    await t.page.goto(t.demo.url)
    const retry = t.page.getByRole('tree').getByRole('button', { name: '重试' })
    await poll(() => retry.isVisible()).toBe(true)
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'error-picker')
    faults().reset()
    await retry.click()
    await poll(() => row(t.page, '学生').isVisible()).toBe(true)
  })

  test('a slow count shows its progress', async () => {
    faults().set({ latencyMs: 2000, paths: [MEMBERS] })
    await openGrade()
    const calls = t.demo.backend.mock!.mock.callCount(MEMBERS)
    await tick(0)
    const region = summaryRegion(t.page)
    // The count is on its way to ePaaS, which takes its time.
    await poll(() => t.demo.backend.mock!.mock.callCount(MEMBERS)).toBe(calls + 1)
    expect(await region.textContent()).toContain('正在统计接收人')
    expect(await region.locator('[aria-busy="true"]').count()).toBe(1)
    expect(await region.getByRole('progressbar').count()).toBe(1)
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'loading')
    faults().reset()
    await poll(() => region.textContent()).toContain(`共 ${formatCount(expectedTotal(0))} 人`)
  })

  test('the count fails: the reason and a retry', async () => {
    faults().set({ http502Rate: 1, paths: [MEMBERS] })
    await tick(1)
    const region = summaryRegion(t.page)
    await poll(() => region.textContent()).toContain('统计失败')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'error-count')
    faults().reset()
    await region.getByRole('button', { name: '重试' }).click()
    await poll(() => region.textContent()).toContain(`共 ${formatCount(expectedTotal(0, 1))} 人`)
  })

  test('the send fails: the reason in the dialog, and a retry', async () => {
    await t.page.getByLabel('标题').fill('停水通知')
    await t.page.getByLabel('正文').fill('明天上午学校停水。')
    faults().set({ http502Rate: 1, paths: [MEMBERS] })
    await t.page.getByRole('button', { name: '发送', exact: true }).click()
    const dialog = t.page.getByRole('dialog', { name: '确认发送' })
    await dialog.getByRole('button', { name: '确认发送' }).click()
    await poll(() => dialog.getByRole('alert').textContent()).toContain('发送失败')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'error-send')
    faults().reset()
    await dialog.getByRole('button', { name: '重试' }).click()
    await poll(() => t.page.getByRole('region', { name: '通知已发送' }).isVisible()).toBe(true)
  })

  test('a lost session: a banner and a reload that signs in again', async () => {
    await t.context.clearCookies()
    await t.page.getByRole('button', { name: '再发一条' }).click()
    await openGrade() // levels the picker loaded before come from its cache
    await tick(2)
    const banner = t.page.getByRole('alert').filter({ hasText: '会话已过期' })
    await poll(() => banner.isVisible()).toBe(true)
    expect(await summaryRegion(t.page).textContent()).toContain('会话已过期')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'error-session')
    await banner.getByRole('button', { name: '刷新页面' }).click()
    await poll(() => row(t.page, '学生').isVisible()).toBe(true)
    expect(await banner.count()).toBe(0)
    expect(await t.leakedSecrets()).toEqual([])
  })
})
