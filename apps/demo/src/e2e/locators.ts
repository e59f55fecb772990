/** Locators for the demo page and the picker, by role and accessible name. */
import type { Locator, Page } from 'playwright'

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
