// The styled picker on React 18 in jsdom, in StrictMode (`renderPicker`), against the mock's real
// handler: the virtualized tree (react-window), the mobile list with its checkbox buttons, search,
// confirm and the modal dialog (SelectedPanel.test.tsx, also run in this project, covers the
// selected panel).
import '@testing-library/jest-dom/vitest'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AddressBookPickerDialog } from '../../AddressBookPickerDialog.js'
import { renderPicker } from '../renderPicker.js'
import { WithQueryClient } from '../WithQueryClient.js'

afterEach(cleanup)

const tree = () => screen.getByRole('tree')
const row = (name: string) =>
  within(tree()).findByRole('treeitem', {
    name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}(,|$)`),
  })

describe('AddressBookPicker on React 18', () => {
  it('opens levels of the tree, ticks a class by keyboard and confirms it', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn<(value: PickerValue) => void>()
    renderPicker({ onConfirm })
    // React 18's `useId` format (React 19 writes «r1» or _r_1_).
    expect(tree().id).toMatch(/^:r\w+:$/)
    for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级']) {
      const item = await row(name)
      await user.click(item)
      await waitFor(() => expect(item).toHaveAttribute('aria-expanded', 'true'))
    }
    const klass = await row('一年级(1)班')
    expect(klass).toHaveAttribute('aria-level', '5')
    // The virtual list draws the rows in view, not all of them.
    expect(within(tree()).getAllByRole('treeitem').length).toBeLessThan(30)

    klass.focus()
    await user.keyboard(' ')
    await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
    expect(await row('一年级')).toHaveAttribute('aria-checked', 'mixed')
    const panel = screen.getByRole('region', { name: /已选/ })
    expect(within(panel).getByRole('listitem')).toHaveTextContent('一年级(1)班')

    await user.click(screen.getByRole('button', { name: '确定' }))
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(onConfirm.mock.lastCall?.[0].departments).toEqual([
      expect.objectContaining({ name: '一年级(1)班', type: 'department' }),
    ])
  })

  it('finds a class by name, with the match highlighted, and gives the tree back', async () => {
    const user = userEvent.setup()
    renderPicker()
    await row('深圳市南山区第一实验学校')
    await user.type(screen.getByRole('searchbox'), '一年级(1)')
    const hit = await row('一年级(1)班')
    expect(hit.querySelector('mark')).toHaveTextContent('一年级(1)')
    await user.keyboard('{Escape}')
    expect(await row('深圳市南山区第一实验学校')).toHaveAttribute('aria-level', '1')
  })

  it('drills down the mobile list and ticks with its checkbox buttons', async () => {
    const user = userEvent.setup()
    renderPicker({ layout: 'mobile' })
    const school = await screen.findByRole('checkbox', { name: /^深圳市南山区第一实验学校/ })
    expect(school).toHaveAttribute('aria-checked', 'false')
    await user.click(screen.getByRole('button', { name: /^进入\s*深圳市南山区第一实验学校/ }))
    const nav = screen.getByRole('navigation', { name: '当前位置' })
    await waitFor(() =>
      expect(within(nav).getByRole('button', { current: 'location' })).toHaveTextContent(
        '深圳市南山区第一实验学校',
      ),
    )
    const students = await screen.findByRole('checkbox', { name: /^学生/ })
    await user.click(students)
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'true'))
    expect(students).toHaveAttribute('data-state', 'checked')
    expect(screen.getByRole('button', { name: /^已选/ })).not.toHaveTextContent('已选约 0 人')
  })

  it('opens in a modal dialog and closes on Escape and on cancel', async () => {
    const user = userEvent.setup()
    const mock = createMockEpaas({ dataset: 'small' })
    const transport = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
    })
    const onOpenChange = vi.fn<(open: boolean) => void>()
    function App() {
      const [open, setOpen] = useState(true)
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            选人
          </button>
          <AddressBookPickerDialog
            transport={transport}
            layout="desktop"
            open={open}
            onOpenChange={(next) => {
              onOpenChange(next)
              setOpen(next)
            }}
          />
        </>
      )
    }
    render(
      <StrictMode>
        <WithQueryClient>
          <App />
        </WithQueryClient>
      </StrictMode>,
    )
    const dialog = await screen.findByRole('dialog', { name: '选择人员' })
    const [first] = await within(dialog).findAllByRole('treeitem')
    expect(first).toHaveAttribute('aria-level', '1')
    first?.focus()
    await user.keyboard('{Escape}')
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.click(screen.getByRole('button', { name: '选人' }))
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }),
    )
    expect(onOpenChange).toHaveBeenCalledTimes(2)
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
