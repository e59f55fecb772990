/**
 * The flow on a phone (390 × 844, touch), on the district dataset (`DEMO_DATASET=district`): the
 * picker's mobile layout drills from the bureau into a school (nodes fetched with the school's
 * own corpid), a class is ticked, the selection opens as a bottom sheet, DingTalk is chosen, and
 * the notice goes out.
 */
import { describe, expect, test } from 'vitest'
import { axeViolations, saveScreenshot } from './browser.js'
import { checkSelectEcho, expectedRecipients, formatCount, type Selection } from './checks.js'
import { poll, summaryRegion } from './locators.js'
import { setupDemoPage } from './setupDemoPage.js'

const t = setupDemoPage({
  cacheName: 'phone',
  env: { DEMO_DATASET: 'district' },
  context: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  },
})

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('send a notice on a phone', { timeout: 60_000 }, () => {
  // The first school under the bureau, and its first class.
  const school = () => {
    const bureau = t.data.departments.find((d) => d.parentId === 0)!
    return bureau.childIds
      .map((id) => t.data.departmentById.get(id)!)
      .find((d) => d.corpid !== bureau.corpid)!
  }
  const klass = () =>
    t.data.departments.find((d) => d.corpid === school().corpid && d.kind === 6 && !d.disabled)!
  const selection = (): Selection => ({ departments: [klass().id], users: [], excludedUsers: [] })
  const box = (name: string) =>
    t.page.getByRole('checkbox', { name: new RegExp(`^${escape(name)}(,|$)`) })
  const open = (name: string) =>
    t.page.getByRole('button', { name: new RegExp(`^进入 ${escape(name)}`) })

  test('the mobile layout', async () => {
    await t.page.goto(t.demo.url)
    await poll(() => box(school().name).isVisible()).toBe(true)
    expect(await t.page.getByRole('tree').count()).toBe(0) // drill-down lists, not a tree
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'phone-empty', { fullPage: true })
    await t.snapshotHtml('phone form')
  })

  test('drill into a school and tick a class', async () => {
    await t.page.getByLabel('标题').tap()
    await t.page.keyboard.type('运动会改期')
    await t.page.getByLabel('正文').tap()
    await t.page.keyboard.type('本周运动会改到周五。')
    const path = klass()
      .idPath.slice(1, -1)
      .map((id) => t.data.departmentById.get(id)!.name)
    for (const name of path) {
      await open(name).tap()
      await poll(() => t.page.getByRole('navigation').textContent()).toContain(name)
    }
    await box(klass().name).tap()
    await poll(() => box(klass().name).getAttribute('aria-checked')).toBe('true')
    expect(await axeViolations(t.page)).toEqual([])
    await box(klass().name).scrollIntoViewIfNeeded()
    await saveScreenshot(t.page, 'phone-picker', { publish: true })
  })

  test('the selection as a bottom sheet', async () => {
    await t.page.getByRole('button', { name: /^已选：(共|约) \d+ 人$/ }).tap()
    const sheet = t.page.getByRole('dialog', { name: '已选' })
    await poll(() => sheet.textContent()).toContain(klass().name)
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'phone-sheet')
    await sheet.getByRole('button', { name: '关闭' }).tap()
    await poll(() => sheet.isVisible()).toBe(false)
  })

  test('DingTalk, the count and who cannot be reached', async () => {
    await t.page.getByLabel('钉钉').tap()
    const expected = expectedRecipients(t.data, selection())
    const region = summaryRegion(t.page)
    await poll(() => region.textContent()).toContain(`共 ${formatCount(expected.total)} 人`)
    const text = (await region.textContent()) ?? ''
    expect(text).toContain(`学生 ${formatCount(expected.byRole[11])}`)
    expect(text).toContain(`家长 ${formatCount(expected.byRole[13])}`)
    const unmapped = expected.unmappedDingtalk.length
    await poll(() => region.textContent()).toContain(
      unmapped === 0 ? '所有接收人都有钉钉账号' : `${unmapped} 人没有钉钉账号`,
    )
    expect(await axeViolations(t.page)).toEqual([])
    await region.scrollIntoViewIfNeeded()
    await saveScreenshot(t.page, 'phone-summary', { publish: true })
  })

  test('send and confirm', async () => {
    const expected = expectedRecipients(t.data, selection())
    await t.page.getByRole('button', { name: '发送', exact: true }).tap()
    const dialog = t.page.getByRole('dialog', { name: '确认发送' })
    await dialog.getByRole('button', { name: '确认发送' }).tap()
    const receipt = t.page.getByRole('region', { name: '通知已发送' })
    await poll(() => receipt.isVisible()).toBe(true)
    const reached = expected.total - expected.unmappedDingtalk.length
    expect(await receipt.textContent()).toContain(`已通过钉钉发送给 ${formatCount(reached)} 人`)
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'phone-sent')
    await t.snapshotHtml('phone receipt')
  })

  test("every select echoed its node, the school's corpid included; no token in the browser", async () => {
    const { problems, selects } = checkSelectEcho(await t.traffic.exchanges())
    expect(problems).toEqual([])
    const schoolCalls = selects.filter(
      (e) =>
        String((JSON.parse(e.requestBody ?? '{}') as { corpid?: unknown }).corpid) ===
        String(school().corpid),
    )
    // The school itself, 学生, the grade and the class: every one sent with the school's corpid.
    expect(schoolCalls.length).toBeGreaterThanOrEqual(3)
    expect(await t.leakedSecrets()).toEqual([])
  })
})
