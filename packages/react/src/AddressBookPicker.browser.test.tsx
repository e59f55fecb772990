import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import './styles.css'
import { renderPicker } from './test/renderPicker.js'
import { open, row, tree } from './test/treeQueries.js'

afterEach(cleanup)

describe('AddressBookPicker in Chromium', () => {
  it('shows only the rows in view, keeps rows while ticking, and reaches any row by keyboard', async () => {
    renderPicker()
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班'])
      await open(name)
    const rendered = within(tree()).getAllByRole('treeitem')
    // 480 px tall, 40 px rows: the visible rows plus the overscan, not the whole class.
    expect(rendered.length).toBeLessThan(30)
    const klass = await row('一年级(1)班')
    const firstPerson = rendered.find((el) => el.getAttribute('aria-level') === '6')!
    klass.focus()
    await userEvent.keyboard(' ')
    await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
    // The same element, ticked through its class: rows keep their identity.
    expect(firstPerson).toHaveAttribute('aria-checked', 'true')
    expect(firstPerson.isConnected).toBe(true)

    await userEvent.keyboard('{End}')
    const last = document.activeElement as HTMLElement
    expect(last).toHaveAttribute('role', 'treeitem')
    expect(last.getAttribute('aria-posinset')).toBe(last.getAttribute('aria-setsize'))
    expect(tree().scrollTop).toBeGreaterThan(0)
    expect(firstPerson.isConnected).toBe(false)
    await userEvent.keyboard('{Home}')
    expect(document.activeElement).toHaveAccessibleName(/^深圳市南山区第一实验学校/)
    expect(tree().scrollTop).toBe(0)
  })

  it('gives back the tree, its expanded rows and its scroll position when the search is cleared', async () => {
    renderPicker()
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班'])
      await open(name)
    tree().scrollTop = 400
    await waitFor(() => expect(tree().scrollTop).toBe(400))
    const search = screen.getByRole('searchbox')
    await userEvent.click(search)
    await userEvent.keyboard('一年级')
    await within(tree()).findAllByRole('treeitem', { name: /^一年级\(1\)班, / }, { timeout: 3000 })
    expect(tree().scrollTop).toBe(0)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(tree().scrollTop).toBe(400))
    // The class's row is above the view (and beyond the rows drawn past it).
    tree().scrollTop = 0
    expect(await row('一年级(1)班')).toHaveAttribute('aria-expanded', 'true')
  })

  it('follows a controlled expanded set', async () => {
    const onExpandedChange = vi.fn<(keys: string[]) => void>()
    const { rerender, mock } = renderPicker({ expanded: [], onExpandedChange })
    const root = await row('深圳市南山区第一实验学校')
    await userEvent.click(root)
    expect(onExpandedChange).toHaveBeenLastCalledWith([root.dataset.key])
    // Nothing opens until the prop says so.
    expect(root).toHaveAttribute('aria-expanded', 'false')
    rerender({ expanded: [root.dataset.key!], onExpandedChange })
    await row('学生')
    expect(root).toHaveAttribute('aria-expanded', 'true')
    expect(mock.callCount('/campus/department/select')).toBe(2)
  })

  it('picks the mobile layout by width, and the desktop one when it grows', async () => {
    const { view } = renderPicker({ layout: 'auto', style: { height: 480, width: 360 } })
    const root = view.container.querySelector<HTMLElement>('.epp-root')!
    await screen.findByRole('navigation', { name: '当前位置' })
    expect(root).toHaveClass('epp-layout-mobile')
    const box = await screen.findByRole('checkbox', { name: /^深圳市南山区第一实验学校/ })
    // The box is 22 px, its hit area 44 px: points 10 px outside the box still hit it.
    const rect = box.getBoundingClientRect()
    const middle = rect.top + rect.height / 2
    expect(document.elementFromPoint(rect.left - 10, middle)).toBe(box)
    expect(document.elementFromPoint(rect.left + rect.width / 2, rect.top - 10)).toBe(box)
    root.style.width = '900px'
    await screen.findByRole('tree')
    expect(root).toHaveClass('epp-layout-desktop')
  })

  it('closes the dialog with Escape and gives focus back', async () => {
    const { AddressBookPickerDialog } = await import('./AddressBookPickerDialog.js')
    const { render } = await import('@testing-library/react')
    const { WithQueryClient } = await import('./test/WithQueryClient.js')
    const onOpenChange = vi.fn()
    const opener = document.createElement('button')
    document.body.append(opener)
    opener.focus()
    render(
      <WithQueryClient>
        <AddressBookPickerDialog open onOpenChange={onOpenChange} transport={async () => []} />
      </WithQueryClient>,
    )
    const dialog = await screen.findByRole('dialog', { name: '选择人员' })
    expect(dialog.contains(document.activeElement)).toBe(true)
    await userEvent.keyboard('{Escape}')
    expect(onOpenChange).toHaveBeenCalledWith(false)
    opener.remove()
  })

  it('says who a refused tick was for, over the list without moving it, until Escape', async () => {
    renderPicker({ select_tag_list: [5] })
    // Disabled rows are opened from the keyboard (a pointer waits for them to be enabled).
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部']) {
      const item = await row(name)
      item.focus()
      await userEvent.keyboard('{ArrowRight}')
      await waitFor(() => expect(item).toHaveAttribute('aria-expanded', 'true'))
    }
    const grade = await row('一年级')
    expect(grade).toHaveAttribute('aria-disabled', 'true')
    const before = tree().getBoundingClientRect()
    await userEvent.click(grade.querySelector<HTMLElement>('.epp-checkbox')!, { force: true })
    const notice = screen.getByRole('status')
    await waitFor(() => expect(notice).toHaveTextContent('一年级不可选'))
    expect(grade).toHaveAttribute('title', '不可选')
    // The notice floats: the tree keeps its place and size.
    expect(tree().getBoundingClientRect().toJSON()).toEqual(before.toJSON())
    grade.focus()
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(notice).toHaveTextContent(''))
    // An accepted action hides it too.
    await userEvent.click(grade.querySelector<HTMLElement>('.epp-checkbox')!, { force: true })
    await waitFor(() => expect(notice).toHaveTextContent('一年级不可选'))
    grade.focus()
    await userEvent.keyboard('{ArrowRight}')
    await waitFor(() => expect(grade).toHaveAttribute('aria-expanded', 'true'))
    expect(notice).toHaveTextContent('')
  })
})
