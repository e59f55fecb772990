/**
 * Steps shared by the stories' play functions: find rows by name, open a path of departments.
 */
import type { within } from 'storybook/test'
import { expect, userEvent, waitFor } from 'storybook/test'

type Canvas = ReturnType<typeof within>

/** The tree row whose accessible name starts with `name` (names continue with role, count...). */
export async function findRow(canvas: Canvas, name: string, timeout = 5000): Promise<HTMLElement> {
  return canvas.findByRole(
    'treeitem',
    { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}(,|$)`) },
    { timeout },
  )
}

/** Opens each department of `names` in turn (a click on a department row expands it). */
export async function expandPath(canvas: Canvas, names: readonly string[]): Promise<HTMLElement> {
  let row: HTMLElement | undefined
  for (const name of names) {
    row = await findRow(canvas, name)
    if (row.getAttribute('aria-expanded') !== 'true') await userEvent.click(row)
    const opened = row
    await waitFor(() => expect(opened).toHaveAttribute('aria-expanded', 'true'))
    await waitFor(() => expect(opened).not.toHaveAttribute('aria-busy'))
  }
  if (!row) throw new Error('expandPath needs at least one name')
  return row
}

/** Ticks or unticks a tree row through its check box (drawn only: hidden from assistive technology). */
export async function clickCheckbox(row: HTMLElement): Promise<void> {
  const box = row.querySelector<HTMLElement>('.epp-checkbox')
  if (!box) throw new Error(`no check box in the row ${row.getAttribute('aria-label') ?? ''}`)
  await userEvent.click(box)
}

/** The school of the `small` dataset and the path to its first class. */
export const SCHOOL = '深圳市南山区第一实验学校'
export const FIRST_CLASS_PATH = [SCHOOL, '学生', '本部', '一年级'] as const
export const FIRST_CLASS = '一年级(1)班'
