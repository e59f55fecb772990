// Queries shared by the Chromium tests of the picker's tree.
import { screen, waitFor, within } from '@testing-library/react'
import { expect } from 'vitest'
import { userEvent } from 'vitest/browser'

/** The picker's tree. */
export const tree = () => screen.getByRole('tree')

/** The row whose accessible name starts with `name` (the name is followed by its state). */
export const row = (name: string) =>
  within(tree()).findByRole('treeitem', {
    name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}(,|$)`),
  })

/** Clicks a row open and waits until its children are loaded. */
export async function open(name: string) {
  const item = await row(name)
  await userEvent.click(item)
  await waitFor(() => expect(item).toHaveAttribute('aria-expanded', 'true'))
  await waitFor(() => expect(item).not.toHaveAttribute('aria-busy'))
  return item
}
