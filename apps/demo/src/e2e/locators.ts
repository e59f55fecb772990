/** Locators for the demo page and the picker, by role and accessible name, and a patient poll. */
import type { Locator, Page } from 'playwright'
import { expect } from 'vitest'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The picker row showing `name` (its accessible name starts with the name, then role, relation,
 * member count...).
 */
export function row(page: Page | Locator, name: string): Locator {
  return page.getByRole('treeitem', { name: new RegExp(`^${escape(name)}(,|$)`) })
}

/** The tick box of a row (hidden from assistive technology: the row carries `aria-checked`). */
export function rowCheckbox(treeRow: Locator): Locator {
  return treeRow.locator('.epp-checkbox')
}

/** The live "recipients" panel of the form. */
export function summaryRegion(page: Page): Locator {
  return page.locator('section.summary')
}

/**
 * `expect.poll` with room for a busy two-core machine (its default gives up after one second).
 *
 * @example
 * await poll(() => row(page, '学生').isVisible()).toBe(true)
 */
export const poll = <T>(read: () => T | Promise<T>) =>
  expect.poll(read, { timeout: 15_000, interval: 50 })
