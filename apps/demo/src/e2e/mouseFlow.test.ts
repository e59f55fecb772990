/**
 * The whole "send a notice" flow with the mouse, on a desktop viewport, against the demo as
 * `pnpm dev` runs it (mock ePaaS, small dataset): tick a class, leave a student out, add a staff
 * group, see the count and the people WeCom cannot reach, send, read the receipt and the debug
 * tab. Along the way: axe on every screen, screenshots, the `select_node_type` echo of every
 * select request, and no token anywhere the browser could see.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import type { Browser, BrowserContext, Page } from 'playwright'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  axeViolations,
  launchBrowser,
  recordTraffic,
  saveScreenshot,
  type Traffic,
} from './browser.js'
import {
  checkSelectEcho,
  exchangeTexts,
  expectedRecipients,
  findSecrets,
  formatCount,
  type Selection,
} from './checks.js'
import { row, rowCheckbox, summaryRegion } from './locators.js'
import { startDemoServer, type DemoServer } from './startDemoServer.js'

let demo: DemoServer
let browser: Browser
let context: BrowserContext
let page: Page
let traffic: Traffic
let data: Dataset
const htmlSnapshots: [string, string][] = []

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemoServer({ cacheName: 'mouse' }), launchBrowser()])
  data = demo.backend.mock!.mock.data
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  page = await context.newPage()
  traffic = recordTraffic(page)
}, 60_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  await demo?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await saveScreenshot(page, `failed-mouse-${task.name}`, { fullPage: true })
})

const snapshotHtml = async (name: string) => htmlSnapshots.push([name, await page.content()])

describe('send a notice with the mouse', { timeout: 60_000 }, () => {
  // The first class of the first grade, one of its students left out, and a staff group.
  const klass = () => firstClass(data)
  // A student whose name is unique in the class, so that its row is found by name.
  const student = () =>
    klass().members.find(
      (m) =>
        m.role === 11 &&
        klass().members.filter(
          (other) => studentName(data, other.userid) === studentName(data, m.userid),
        ).length === 1,
    )!
  const staff = () => data.departments.find((d) => d.name === '语文组')!
  const selection = (): Selection => ({
    departments: [klass().id, staff().id],
    users: [],
    excludedUsers: [{ userid: student().userid, role: 11 }],
  })

  test('the empty form', async () => {
    await page.goto(demo.url)
    await expect.poll(() => row(page, '学生').isVisible()).toBe(true)
    await expect.poll(() => summaryRegion(page).textContent()).toContain('尚未选择接收人')
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'empty-form', { fullPage: true })
    await snapshotHtml('empty form')
  })

  test('fill in the notice and pick recipients', async () => {
    await page.getByLabel('标题').click()
    await page.keyboard.type('周五下午家长会')
    await page.getByLabel('正文').click()
    await page.keyboard.type('请各位家长周五下午三点到校参加家长会。')

    const path = klass()
      .idPath.slice(1, -1)
      .map((id) => data.departmentById.get(id)!.name)
    for (const name of path) await row(page, name).click() // a department row opens on click
    await rowCheckbox(row(page, klass().name)).click()
    await row(page, klass().name).click() // open the ticked class
    await expect.poll(() => row(page, studentName(data, student().userid)).isVisible()).toBe(true)
    await rowCheckbox(row(page, studentName(data, student().userid))).click()
    await expect(
      row(page, studentName(data, student().userid)).getAttribute('aria-checked'),
    ).resolves.toBe('false')
    await expect(row(page, klass().name).getAttribute('aria-checked')).resolves.toBe('mixed')

    // Collapse the school's groups and tick a staff group.
    await row(page, '学生').click()
    await row(page, '教职工').click()
    await rowCheckbox(row(page, staff().name)).click()

    const expected = expectedRecipients(data, selection())
    const region = summaryRegion(page)
    await expect.poll(() => region.textContent()).toContain(`共 ${formatCount(expected.total)} 人`)
    const text = await region.textContent()
    expect(text).toContain(`学生 ${formatCount(expected.byRole[11])}`)
    expect(text).toContain(`老师 ${formatCount(expected.byRole[12])}`)
    expect(text).toContain(`家长 ${formatCount(expected.byRole[13])}`)
  })

  test('WeCom: the recipients without a WeCom account, by name', async () => {
    await page.getByLabel('企业微信').click()
    const expected = expectedRecipients(data, selection())
    expect(expected.unmappedWecom.length).toBeGreaterThan(0)
    const region = summaryRegion(page)
    await expect
      .poll(() => region.textContent())
      .toContain(`${formatCount(expected.unmappedWecom.length)} 人没有企业微信账号`)
    const list = region.getByRole('list', { name: '没有企业微信账号的接收人' })
    for (const key of expected.unmappedWecom.slice(0, 20)) {
      const name = data.userById.get(Number(key.split(':')[0]))!.name
      await expect.poll(() => list.textContent()).toContain(name)
    }
    expect(await list.textContent()).not.toMatch(/用户 \d+/)
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'form', { fullPage: true, publish: true })
    await snapshotHtml('filled form')
  })

  test('send, confirm, receipt', async () => {
    const expected = expectedRecipients(data, selection())
    await page.getByRole('button', { name: '发送', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '确认发送' })
    await expect
      .poll(() => dialog.textContent())
      .toContain(`发送给 ${formatCount(expected.total)} 人`)
    expect(await dialog.textContent()).toContain(
      `其中 ${formatCount(expected.unmappedWecom.length)} 人没有企业微信账号`,
    )
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'confirm', { publish: true })
    await dialog.getByRole('button', { name: '确认发送' }).click()

    const receipt = page.getByRole('region', { name: '通知已发送' })
    await expect.poll(() => receipt.isVisible()).toBe(true)
    const reached = expected.total - expected.unmappedWecom.length
    expect(await receipt.textContent()).toContain(`已通过企业微信发送给 ${formatCount(reached)} 人`)
    expect(await receipt.textContent()).toContain('周五下午家长会')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('通知已发送')
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'sent')
    await snapshotHtml('receipt')
  })

  test('the debug tab: the raw value and the requests', async () => {
    await page.getByRole('tab', { name: '选择值与请求' }).click()
    const value = JSON.parse((await page.getByTestId('picker-value').textContent()) ?? '{}') as {
      departments: { id: string }[]
      excluded: { userid?: string }[]
    }
    expect(value.departments.map((d) => d.id).sort()).toEqual(
      [String(klass().id), String(staff().id)].sort(),
    )
    expect(value.excluded.map((e) => e.userid)).toEqual([String(student().userid)])

    const table = page.getByRole('table')
    const rows = table.getByRole('row')
    await expect.poll(() => rows.count()).toBeGreaterThan(5)
    const tableText = (await table.textContent()) ?? ''
    expect(tableText).toContain('POST /api/epaas/campus/department/select')
    expect(tableText).toContain('POST /api/epaas/resolve')
    expect(tableText).toContain('POST /api/notices')
    expect(tableText).not.toContain('access_token')
    expect(await axeViolations(page)).toEqual([])
    await saveScreenshot(page, 'debug', { fullPage: true, publish: true })
    await snapshotHtml('debug tab')
  })

  test('every select request echoed its node; no token reached the browser', async () => {
    const exchanges = await traffic.exchanges()
    const { expansions, problems } = checkSelectEcho(exchanges)
    expect(problems).toEqual([])
    expect(expansions).toBeGreaterThanOrEqual(5)
    // The proxy sent them on unchanged, and the mock (which rejects a wrong echo) accepted them.
    const upstream = demo.backend.mock!.mock.requests.filter(
      (r) => r.path === '/campus/department/select',
    )
    expect(upstream.length).toBeGreaterThanOrEqual(expansions)
    expect(upstream.filter((r) => r.errcode !== 0)).toEqual([])

    const secrets = demo.secrets()
    // The org token (suite flow: suite token, then org token), the session's user token, and
    // the suite credentials: the mapping lookups for WeCom did use them.
    expect(secrets.length).toBeGreaterThanOrEqual(6)
    expect(
      findSecrets(secrets, [
        ...exchangeTexts(exchanges),
        ...traffic.frames.map((frame): [string, string] => ['websocket frame', frame]),
        ...htmlSnapshots,
        ['cookies', JSON.stringify(await context.cookies())],
        ['storage', JSON.stringify(await context.storageState())],
      ]),
    ).toEqual([])
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
