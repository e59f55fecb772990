// First: the render counter must be in place before React's renderer loads.
import { countRenders } from './test/renderCounter.js'
import { cleanup, waitFor, within } from '@testing-library/react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it } from 'vitest'
import './styles.css'
import { renderPicker } from './test/renderPicker.js'
import { open, tree } from './test/treeQueries.js'

afterEach(cleanup)

const rowStates = () =>
  within(tree())
    .getAllByRole('treeitem')
    .map((item) =>
      ['aria-checked', 'aria-expanded', 'aria-busy', 'tabindex']
        .map((name) => item.getAttribute(name))
        .join(),
    )

describe('PickerTree', () => {
  it('draws again only the rows whose state changed when a row is ticked', async () => {
    renderPicker()
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班'])
      await open(name)
    const people = within(tree())
      .getAllByRole('treeitem')
      .filter((el) => el.getAttribute('aria-level') === '6')
    const [first, second] = people
    expect(second).toBeDefined()
    first!.focus()
    await waitFor(() => expect(first).toHaveAttribute('tabindex', '0'))
    const before = rowStates()

    const stop = countRenders('TreeRowSlot')
    await userEvent.keyboard(' ')
    await waitFor(() => expect(first).toHaveAttribute('aria-checked', 'true'))
    const renders = stop()

    const after = rowStates()
    expect(after).toHaveLength(before.length)
    const changed = after.filter((state, i) => state !== before[i]).length
    // The ticked person and its mixed ancestors in view.
    expect(changed).toBeGreaterThan(0)
    const drawn = new Set(renders.map((r) => r.props.index))
    expect(drawn.size).toBeGreaterThan(0)
    expect(drawn.size).toBeLessThanOrEqual(changed)
    // The next person, whose state did not change, was not drawn again.
    // react-window marks each row with its index in the list.
    const secondIndex = Number(second!.getAttribute('data-react-window-index'))
    expect(secondIndex).toBeGreaterThan(0)
    expect(second).toHaveAttribute('aria-checked', 'false')
    expect(drawn.has(secondIndex)).toBe(false)
  })
})
