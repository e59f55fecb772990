/**
 * The whole "send a notice" flow with the mouse, on a desktop viewport, against the demo as
 * `pnpm dev` runs it (mock ePaaS, small dataset): tick a class, leave a student out, add a staff
 * group, see the count and the people WeCom cannot reach, send, read the receipt and the debug
 * tab. Along the way: axe on every screen, screenshots, the `select_node_type` echo of every
 * select request, and no token anywhere the browser could see.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import { describe, expect, test } from 'vitest'
import { axeViolations, saveScreenshot } from './browser.js'
import { checkSelectEcho, expectedRecipients, formatCount, type Selection } from './checks.js'
import { poll, row, rowCheckbox, summaryRegion } from './locators.js'
import { setupDemoPage } from './setupDemoPage.js'

const t = setupDemoPage({
  cacheName: 'mouse',
  context: { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' },
})

describe('send a notice with the mouse', { timeout: 60_000 }, () => {
  // The first class of the first grade, one of its students left out, and a staff group.
  const klass = () => firstClass(t.data)
  // A student whose name is unique in the class, so that its row is found by name.
  const student = () =>
    klass().members.find(
      (m) =>
        m.role === 11 &&
        klass().members.filter(
          (other) => studentName(t.data, other.userid) === studentName(t.data, m.userid),
        ).length === 1,
    )!
  const staff = () => t.data.departments.find((d) => d.name === '语文组')!
  const selection = (): Selection => ({
    departments: [klass().id, staff().id],
    users: [],
    excludedUsers: [{ userid: student().userid, role: 11 }],
  })

  test('the empty form', async () => {
    await t.page.goto(t.demo.url)
    await poll(() => row(t.page, '学生').isVisible()).toBe(true)
    await poll(() => summaryRegion(t.page).textContent()).toContain('尚未选择接收人')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'empty-form', { fullPage: true })
    await t.snapshotHtml('empty form')
  })

  test('fill in the notice and pick recipients', async () => {
    await t.page.getByLabel('标题').click()
    await t.page.keyboard.type('周五下午家长会')
    await t.page.getByLabel('正文').click()
    await t.page.keyboard.type('请各位家长周五下午三点到校参加家长会。')

    const path = klass()
      .idPath.slice(1, -1)
      .map((id) => t.data.departmentById.get(id)!.name)
    for (const name of path) await row(t.page, name).click() // a department row opens on click
    await rowCheckbox(row(t.page, klass().name)).click()
    await row(t.page, klass().name).click() // open the ticked class
    await poll(() => row(t.page, studentName(t.data, student().userid)).isVisible()).toBe(true)
    await rowCheckbox(row(t.page, studentName(t.data, student().userid))).click()
    await expect(
      row(t.page, studentName(t.data, student().userid)).getAttribute('aria-checked'),
    ).resolves.toBe('false')
    await expect(row(t.page, klass().name).getAttribute('aria-checked')).resolves.toBe('mixed')

    // Collapse the school's groups and tick a staff group.
    await row(t.page, '学生').click()
    await row(t.page, '教职工').click()
    await rowCheckbox(row(t.page, staff().name)).click()

    const expected = expectedRecipients(t.data, selection())
    const region = summaryRegion(t.page)
    await poll(() => region.textContent()).toContain(`共 ${formatCount(expected.total)} 人`)
    const text = await region.textContent()
    expect(text).toContain(`学生 ${formatCount(expected.byRole[11])}`)
    expect(text).toContain(`老师 ${formatCount(expected.byRole[12])}`)
    expect(text).toContain(`家长 ${formatCount(expected.byRole[13])}`)
  })

  test('WeCom: the recipients without a WeCom account, by name', async () => {
    await t.page.getByLabel('企业微信').click()
    const expected = expectedRecipients(t.data, selection())
    expect(expected.unmappedWecom.length).toBeGreaterThan(0)
    const region = summaryRegion(t.page)
    await poll(() => region.textContent()).toContain(
      `${formatCount(expected.unmappedWecom.length)} 人没有企业微信账号`,
    )
    const list = region.getByRole('list', { name: '没有企业微信账号的接收人' })
    for (const key of expected.unmappedWecom.slice(0, 20)) {
      const name = t.data.userById.get(Number(key.split(':')[0]))!.name
      await poll(() => list.textContent()).toContain(name)
    }
    expect(await list.textContent()).not.toMatch(/用户 \d+/)
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'form', { fullPage: true, publish: true })
    await t.snapshotHtml('filled form')
  })

  test('send, confirm, receipt', async () => {
    const expected = expectedRecipients(t.data, selection())
    await t.page.getByRole('button', { name: '发送', exact: true }).click()
    const dialog = t.page.getByRole('dialog', { name: '确认发送' })
    await poll(() => dialog.textContent()).toContain(`发送给 ${formatCount(expected.total)} 人`)
    expect(await dialog.textContent()).toContain(
      `其中 ${formatCount(expected.unmappedWecom.length)} 人没有企业微信账号`,
    )
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'confirm', { publish: true })
    await dialog.getByRole('button', { name: '确认发送' }).click()

    const receipt = t.page.getByRole('region', { name: '通知已发送' })
    await poll(() => receipt.isVisible()).toBe(true)
    const reached = expected.total - expected.unmappedWecom.length
    expect(await receipt.textContent()).toContain(`已通过企业微信发送给 ${formatCount(reached)} 人`)
    expect(await receipt.textContent()).toContain('周五下午家长会')
    await poll(() => t.page.evaluate(() => document.activeElement?.textContent)).toBe('通知已发送')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'sent')
    await t.snapshotHtml('receipt')
  })

  test('the debug tab: the raw value and the requests', async () => {
    await t.page.getByRole('tab', { name: '选择值与请求' }).click()
    const value = JSON.parse((await t.page.getByTestId('picker-value').textContent()) ?? '{}') as {
      departments: { id: string }[]
      excluded: { userid?: string }[]
    }
    expect(value.departments.map((d) => d.id).sort()).toEqual(
      [String(klass().id), String(staff().id)].sort(),
    )
    expect(value.excluded.map((e) => e.userid)).toEqual([String(student().userid)])

    const table = t.page.getByRole('table')
    const rows = table.getByRole('row')
    await poll(() => rows.count()).toBeGreaterThan(5)
    const tableText = (await table.textContent()) ?? ''
    expect(tableText).toContain('POST /api/epaas/campus/department/select')
    expect(tableText).toContain('POST /api/epaas/resolve')
    expect(tableText).toContain('POST /api/notices')
    expect(tableText).not.toContain('access_token')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'debug', { fullPage: true, publish: true })
    await t.snapshotHtml('debug tab')
  })

  test('the request log can be cleared, and says so', async () => {
    await t.page.getByRole('button', { name: '清空记录' }).click()
    await poll(() => t.page.getByText('还没有请求。').isVisible()).toBe(true)
    expect(await t.page.getByRole('table').count()).toBe(0)
    expect(await axeViolations(t.page)).toEqual([])
  })

  test('every select request echoed its node; no token reached the browser', async () => {
    const exchanges = await t.traffic.exchanges()
    const { expansions, problems } = checkSelectEcho(exchanges)
    expect(problems).toEqual([])
    expect(expansions).toBeGreaterThanOrEqual(5)
    // The proxy sent them on unchanged, and the mock (which rejects a wrong echo) accepted them.
    const upstream = t.demo.backend.mock!.mock.requests.filter(
      (r) => r.path === '/campus/department/select',
    )
    expect(upstream.length).toBeGreaterThanOrEqual(expansions)
    expect(upstream.filter((r) => r.errcode !== 0)).toEqual([])

    const secrets = t.demo.secrets()
    // The org token (suite flow: suite token, then org token), the session's user token, and
    // the suite credentials: the mapping lookups for WeCom did use them.
    expect(secrets.length).toBeGreaterThanOrEqual(6)
    expect(await t.leakedSecrets()).toEqual([])
  })
})

function firstClass(data: Dataset) {
  const klass = data.departments.find((d) => d.tag === 5 && d.kind === 6 && !d.disabled)
  if (!klass) throw new Error('no class in the dataset')
  return klass
}

function studentName(data: Dataset, userid: number): string {
  return data.userById.get(userid)!.name
}
