/**
 * The whole flow with the keyboard alone, in English: switch the language, see the form refuse
 * an empty notice, search a teacher and tick them, walk the tree with the arrow keys and tick a
 * class, keep only students and teachers, choose DingTalk, send, confirm, read the receipt and
 * the debug tab. No mouse event is used after the page loads.
 */
import type { Locator, Page } from 'playwright'
import { describe, expect, test } from 'vitest'
import { axeViolations, saveScreenshot } from './browser.js'
import { checkSelectEcho, expectedRecipients, formatCount, type Selection } from './checks.js'
import { poll, row, summaryRegion } from './locators.js'
import { setupDemoPage } from './setupDemoPage.js'

const t = setupDemoPage({
  cacheName: 'keyboard',
  context: { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' },
})

/** Whether `target` has the keyboard focus. */
const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement)

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 25, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await hasFocus(target)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  if (!(await hasFocus(target))) throw new Error(`no focus on ${String(target)} after ${max} tabs`)
}

describe('send a notice with the keyboard alone', { timeout: 60_000 }, () => {
  const klass = () => t.data.departments.find((d) => d.tag === 5 && d.kind === 6 && !d.disabled)!
  // A teacher outside the class, with a name that no one else has.
  const teacher = () => {
    const inClass = new Set(klass().members.map((m) => m.userid))
    return t.data.users.find(
      (u) =>
        u.roles.includes(12) &&
        !inClass.has(u.userid) &&
        !u.disabled &&
        !u.creator &&
        t.data.users.filter((other) => other.name === u.name).length === 1,
    )!
  }
  const selection = (): Selection => ({
    departments: [klass().id],
    users: [{ userid: teacher().userid, role: 12 }],
    excludedUsers: [],
  })

  test('switch to English', async () => {
    await t.page.goto(t.demo.url)
    await poll(() => row(t.page, '学生').isVisible()).toBe(true)
    const language = t.page.getByLabel('语言')
    await tabTo(t.page, language)
    await t.page.keyboard.press('ArrowDown')
    await poll(() => t.page.evaluate(() => document.documentElement.lang)).toBe('en-US')
    await poll(() => t.page.getByRole('heading', { level: 1 }).textContent()).toBe('Send a notice')
    // The picker follows the page's language.
    await poll(() => t.page.getByRole('searchbox').getAttribute('placeholder')).not.toMatch(
      /[\u4e00-\u9fff]/,
    )
  })

  test('an empty notice is refused, with the reasons', async () => {
    const send = t.page.getByRole('button', { name: 'Send', exact: true })
    await tabTo(t.page, send)
    await t.page.keyboard.press('Enter')
    const alert = t.page.getByRole('alert')
    await poll(() => alert.textContent()).toContain('Enter a title.')
    expect(await alert.textContent()).toContain('Choose the recipients.')
    const title = t.page.getByLabel('Title')
    expect(await hasFocus(title)).toBe(true)
    expect(await title.getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'validation-en')
  })

  test('title and message', async () => {
    await t.page.keyboard.type('Sports day moved to Friday')
    await t.page.keyboard.press('Tab')
    expect(await hasFocus(t.page.getByLabel('Message'))).toBe(true)
    await t.page.keyboard.type('Sports day is on Friday this week. Bring a water bottle.')
  })

  test('search a teacher and tick them from the results', async () => {
    const search = t.page.getByRole('searchbox')
    await tabTo(t.page, search)
    await t.page.keyboard.type(teacher().name)
    const result = row(t.page, teacher().name)
    await poll(() => result.isVisible()).toBe(true)
    await t.page.keyboard.press('ArrowDown')
    await poll(() => hasFocus(result)).toBe(true)
    await t.page.keyboard.press('Space')
    await poll(() => result.getAttribute('aria-checked')).toBe('true')
    // Back to the search box, Escape clears it and the tree comes back.
    await tabTo(t.page, search, { back: true, max: 3 })
    await t.page.keyboard.press('Escape')
    await poll(() => row(t.page, '学生').isVisible()).toBe(true)
  })

  test('walk the tree with the arrow keys and tick a class', async () => {
    await t.page.keyboard.press('ArrowDown')
    const path = klass()
      .idPath.slice(1)
      .map((id) => t.data.departmentById.get(id)!.name)
    await poll(() => hasFocus(row(t.page, path[0]!))).toBe(true)
    for (const [index, name] of path.slice(1).entries()) {
      const parent = row(t.page, path[index]!)
      await t.page.keyboard.press('ArrowRight') // expand
      await poll(() => parent.getAttribute('aria-expanded')).toBe('true')
      await poll(() => parent.getAttribute('aria-busy')).not.toBe('true')
      await t.page.keyboard.press('ArrowRight') // first child
      await poll(() => hasFocus(row(t.page, name))).toBe(true)
    }
    await t.page.keyboard.press('Space')
    await poll(() => row(t.page, klass().name).getAttribute('aria-checked')).toBe('true')
  })

  test('students and teachers only, through DingTalk', async () => {
    const parents = t.page.getByRole('checkbox', { name: 'Parents' })
    await tabTo(t.page, parents)
    await t.page.keyboard.press('Space')
    expect(await parents.isChecked()).toBe(false)
    await tabTo(t.page, t.page.getByRole('radio', { name: 'ePaaS' }))
    await t.page.keyboard.press('ArrowRight')
    await t.page.keyboard.press('ArrowRight')
    expect(await t.page.getByRole('radio', { name: 'DingTalk' }).isChecked()).toBe(true)

    const expected = expectedRecipients(t.data, selection(), [11, 12])
    const region = summaryRegion(t.page)
    await poll(() => region.textContent()).toContain(`${formatCount(expected.total)} people`)
    const text = await region.textContent()
    expect(text).toContain(`Students ${formatCount(expected.byRole[11])}`)
    expect(text).toContain(`Teachers ${formatCount(expected.byRole[12])}`)
    expect(text).not.toContain('Parents')
    const unmapped = expected.unmappedDingtalk.length
    if (unmapped > 0) {
      await poll(() => region.textContent()).toContain(
        `${formatCount(unmapped)} ${unmapped === 1 ? 'person has' : 'people have'} no DingTalk account`,
      )
    } else {
      await poll(() => region.textContent()).toContain('Everyone has a DingTalk account.')
    }
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'form-en', { fullPage: true, publish: true })
    await t.snapshotHtml('form (en-US)')
  })

  test('send and confirm with the keyboard', async () => {
    const expected = expectedRecipients(t.data, selection(), [11, 12])
    await tabTo(t.page, t.page.getByRole('button', { name: 'Send', exact: true }))
    await t.page.keyboard.press('Enter')
    const dialog = t.page.getByRole('dialog', { name: 'Send this notice?' })
    await poll(() => dialog.isVisible()).toBe(true)
    // Focus is inside the dialog, and Tab stays there.
    const confirm = dialog.getByRole('button', { name: 'Send now' })
    await tabTo(t.page, confirm, { max: 4 })
    await t.page.keyboard.press('Enter')

    const receipt = t.page.getByRole('region', { name: 'Notice sent' })
    await poll(() => receipt.isVisible()).toBe(true)
    expect(await hasFocus(receipt.getByRole('heading', { name: 'Notice sent' }))).toBe(true)
    const reached = expected.total - expected.unmappedDingtalk.length
    expect(await receipt.textContent()).toContain(
      `Sent to ${formatCount(reached)} people through DingTalk.`,
    )
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'sent-en')
    await t.snapshotHtml('receipt (en-US)')
  })

  test('the debug tab, reached by the keyboard', async () => {
    const noticeTab = t.page.getByRole('tab', { name: 'Notice' })
    await tabTo(t.page, noticeTab, { back: true, max: 6 })
    await t.page.keyboard.press('ArrowRight')
    const debugTab = t.page.getByRole('tab', { name: 'Value and requests' })
    await poll(() => debugTab.getAttribute('aria-selected')).toBe('true')
    const value = JSON.parse((await t.page.getByTestId('picker-value').textContent()) ?? '{}') as {
      departments: { id: string }[]
      users: { userid: string; role_id: number }[]
    }
    expect(value.departments.map((d) => d.id)).toEqual([String(klass().id)])
    expect(value.users.map((u) => [u.userid, u.role_id])).toEqual([[String(teacher().userid), 12]])
    expect(await axeViolations(t.page)).toEqual([])
    await saveScreenshot(t.page, 'debug-en', { fullPage: true })
  })

  test('network: select echo, no token in the browser', async () => {
    const { problems, expansions } = checkSelectEcho(await t.traffic.exchanges())
    expect(problems).toEqual([])
    expect(expansions).toBeGreaterThanOrEqual(4)
    expect(await t.leakedSecrets()).toEqual([])
  })
})
