// First: the render counter must be in place before React's renderer loads.
import { countRenders } from './test/renderCounter.js'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
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

describe('PickerTree rows', () => {
  // Scrolling creates a viewport of rows per frame: each element is style and layout work.
  it('draw a person in 4 elements, a parent in 5 and a department in 5', async () => {
    renderPicker()
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班'])
      await open(name)
    const elementsOf = (item: Element) => item.querySelectorAll('*').length + 1
    const items = within(tree()).getAllByRole('treeitem')
    const student = items.find((el) => el.querySelector('.epp-badge[data-role="11"]'))
    const department = items.find((el) => el.getAttribute('aria-expanded') !== null)
    expect(student && elementsOf(student)).toBe(4)
    expect(department && elementsOf(department)).toBe(5)
    // The class lists its parents last.
    tree().scrollTop = tree().scrollHeight
    const parent = await waitFor(() => {
      const found = within(tree())
        .getAllByRole('treeitem')
        .find((el) => el.querySelector('.epp-badge[data-role="13"]'))
      expect(found).toBeDefined()
      return found as Element
    })
    expect(elementsOf(parent)).toBe(5)
  })

  // A tick's frame lays out and paints the row alone; the panel and the count come after.
  it('show a tick before the selected panel and the footer follow it', async () => {
    renderPicker({ onConfirm: () => undefined })
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班'])
      await open(name)
    const person = within(tree())
      .getAllByRole('treeitem')
      .find((el) => el.getAttribute('aria-level') === '6') as Element
    const panel = screen.getByRole('region', { name: /已选/ })
    const count = document.querySelector('.epp-footer-count') as Element
    const before = { panel: panel.textContent, count: count.textContent }
    let atTick: typeof before | undefined
    // Mutation callbacks run in the microtask right after the commit that ticked the row.
    const observer = new MutationObserver(() => {
      if (!atTick && person.getAttribute('aria-checked') === 'true')
        atTick = { panel: panel.textContent, count: count.textContent }
    })
    observer.observe(tree(), { attributes: true, subtree: true, attributeFilter: ['aria-checked'] })
    await userEvent.click(person)
    await waitFor(() => expect(count.textContent).not.toBe(before.count))
    observer.disconnect()
    expect(panel.textContent).not.toBe(before.panel)
    expect(atTick).toEqual(before)
  })
})
