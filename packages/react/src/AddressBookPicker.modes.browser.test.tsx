/**
 * The modes in the styled picker, in Chromium: single choice replaces and confirms (tree, search
 * results, mobile list); locked items survive untick, chip removal, clear and a controlled value
 * that leaves them out (locked wins); reveal opens lazy levels with each `select_node_type`
 * echoed and focuses the row; a missing node says so and leaves a usable tree.
 */
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { createRef } from 'react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AddressBookPickerHandle } from './AddressBookPicker.js'
import './styles.css'
import { renderPicker } from './test/renderPicker.js'
import { departmentItem, departmentNamed, memberItem } from './test/storyItems.js'
import { open, row, tree } from './test/treeQueries.js'

afterEach(cleanup)

const PATH = ['深圳市南山区第一实验学校', '学生', '本部', '一年级', '一年级(1)班']
const box = (item: HTMLElement) => item.querySelector<HTMLElement>('.epp-checkbox')!

describe('single choice', () => {
  it('replaces the pick and confirms it, in the tree and in search results', async () => {
    const onConfirm = vi.fn<(value: PickerValue) => void>()
    const { mock } = renderPicker({
      selectionMode: 'single',
      select_type: 1,
      confirmOnSelect: true,
      onConfirm,
      style: { height: 2000, width: 800 },
    })
    for (const name of PATH) await open(name)
    const teachers = within(tree()).getAllByRole('treeitem', { name: /, 老师/ })
    await userEvent.click(box(teachers[0]!))
    await userEvent.click(box(teachers[1]!))
    await waitFor(() => expect(teachers[1]).toHaveAttribute('aria-selected', 'true'))
    expect(teachers[0]).toHaveAttribute('aria-selected', 'false')
    expect(onConfirm).toHaveBeenCalledTimes(2)
    expect(onConfirm.mock.lastCall![0].users).toHaveLength(1)

    const klass = departmentNamed(mock.data, '二年级(1)班')
    const student = memberItem(mock.data, klass, Role.Student)
    await userEvent.type(screen.getByRole('searchbox'), student.name)
    const result = await waitFor(
      () => within(tree()).getAllByRole('treeitem', { name: new RegExp(`^${student.name},`) })[0]!,
    )
    await userEvent.click(box(result))
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(3))
    expect(onConfirm.mock.lastCall![0].users.map((u) => u.userid)).toEqual([
      result.dataset.key!.match(/u(\d+)/)![1],
    ])
  })

  it('on a phone the boxes are radio buttons and a pick replaces the last', async () => {
    const onValueChange = vi.fn<(value: PickerValue) => void>()
    renderPicker({
      selectionMode: 'single',
      layout: 'mobile',
      onValueChange,
      style: { height: 4000, width: 375 },
    })
    for (const name of PATH.slice(0, -1)) {
      await userEvent.click(
        await screen.findByRole('button', { name: new RegExp(`^进入 ${name}`) }),
      )
    }
    const classes = await screen.findAllByRole('radio', { name: /^一年级\(\d\)班/ })
    await userEvent.click(classes[0]!)
    await userEvent.click(classes[1]!)
    await waitFor(() => expect(classes[1]).toHaveAttribute('aria-checked', 'true'))
    expect(classes[0]).toHaveAttribute('aria-checked', 'false')
    expect(onValueChange.mock.lastCall![0].departments).toHaveLength(1)
  })
})

describe('locked items', () => {
  it('survive untick, chip removal, clear and a controlled value that leaves them out', async () => {
    const onValueChange = vi.fn<(value: PickerValue) => void>()
    const empty = { departments: [], users: [], excluded: [] }
    const first = renderPicker()
    const head = memberItem(first.mock.data, departmentNamed(first.mock.data, '一年级(1)班'))
    cleanup()
    const { rerender } = renderPicker({
      lockedItems: [head],
      value: empty,
      onValueChange,
      style: { height: 2000, width: 800 },
    })
    // Locked wins over the controlled value: shown, and proposed with the locked item.
    await waitFor(() => expect(onValueChange).toHaveBeenCalled())
    expect(onValueChange.mock.lastCall![0].users).toEqual([head])
    const panel = screen.getByRole('region', { name: /已选/ })
    expect(within(panel).getByText(head.name)).toBeVisible()
    expect(within(panel).queryByRole('button', { name: `移除 ${head.name}` })).toBeNull()

    for (const name of PATH) await open(name)
    const rowOfHead = await row(head.name)
    expect(rowOfHead).toHaveAttribute('aria-checked', 'true')
    await userEvent.click(box(rowOfHead))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('必须选择'))
    expect(rowOfHead).toHaveAttribute('aria-checked', 'true')

    // Tick the class, then clear: the locked teacher stays.
    const klass = await row('一年级(1)班')
    await userEvent.click(box(klass))
    rerender({ lockedItems: [head], value: onValueChange.mock.lastCall![0], onValueChange })
    await userEvent.click(within(panel).getByRole('button', { name: '清空' }))
    expect(onValueChange.mock.lastCall![0]).toEqual({
      departments: [],
      users: [head],
      excluded: [],
    })
  })
})

describe('reveal', () => {
  it('opens three lazy levels, echoing each select_node_type, and focuses the row', async () => {
    const ref = createRef<AddressBookPickerHandle>()
    const { mock } = renderPicker({ ref, style: { height: 2000, width: 800 } })
    await row('深圳市南山区第一实验学校')
    const target = departmentNamed(mock.data, '三年级(2)班')
    mock.requests.length = 0
    await expect(ref.current!.reveal(departmentItem(target))).resolves.toMatchObject({
      found: true,
    })
    const revealed = await row('三年级(2)班')
    await waitFor(() => expect(revealed).toHaveFocus())
    const bodies = mock.requests
      .filter((r) => r.path === '/campus/department/select')
      .map((r) => r.body as { id: number; select_node_type: unknown })
    expect(bodies.length).toBeGreaterThanOrEqual(3)
    // Each level opened on the way to the class: the node's own select_node_type sent back (the
    // mock answers an error for any other), ending at the class's parent.
    expect(bodies.map((body) => body.select_node_type)).toEqual(
      bodies.map((body) => mock.data.departmentById.get(body.id)!.kind),
    )
    expect(bodies.at(-1)!.id).toBe(target.parentId)
  })

  it('says so when the path no longer exists, and the tree stays usable', async () => {
    const ref = createRef<AddressBookPickerHandle>()
    renderPicker({ ref })
    await row('深圳市南山区第一实验学校')
    const result = await ref.current!.reveal({ id_path: ['1', '2'], name: '三年级(9)班' })
    expect(result).toEqual({ found: false })
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('找不到三年级(9)班：可能已移动或删除'),
    )
    await open('深圳市南山区第一实验学校')
  })
})
