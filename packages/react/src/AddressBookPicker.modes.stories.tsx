/**
 * The modes school apps ask for: one approver, a head teacher always included, people the app
 * disables with a reason, and a tree that starts in a teacher's class.
 */
import { Role } from '@epaas-picker/protocol'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AddressBookPicker } from './AddressBookPicker.js'
import './styles.css'
import { storyBackend } from './test/storyBackend.js'
import { departmentItem, departmentNamed, memberItem } from './test/storyItems.js'
import {
  clickCheckbox,
  expandPath,
  findRow,
  FIRST_CLASS,
  FIRST_CLASS_PATH,
} from './test/storyPlay.js'
import { WithQueryClient } from './test/WithQueryClient.js'

const small = storyBackend('modes', { dataset: 'small' })
const data = small.mock.data
const firstClass = departmentNamed(data, FIRST_CLASS)
const headTeacher = memberItem(data, firstClass, Role.Teacher)
const movedAway = memberItem(data, firstClass, Role.Student, 1)
const secondClassOfGrade3 = departmentNamed(data, '三年级(2)班')

const meta = {
  title: 'Picker/Modes',
  component: AddressBookPicker,
  decorators: [
    (Story) => (
      <WithQueryClient>
        <Story />
      </WithQueryClient>
    ),
  ],
  parameters: { msw: { handlers: small.handlers } },
  args: {
    transport: small.transport,
    is_show_root: true,
    need_users_total: true,
    select_role_list: [Role.Student, Role.Teacher, Role.Parent],
    onConfirm: fn(),
    onCancel: fn(),
    onValueChange: fn(),
    style: { height: 520 },
  },
} satisfies Meta<typeof AddressBookPicker>

export default meta
type Story = StoryObj<typeof meta>

/** Choose one approver: teachers only, a pick replaces the last and confirms at once. */
export const SingleApprover: Story = {
  args: {
    selectionMode: 'single',
    select_type: 1,
    select_role_list: [Role.Teacher],
    confirmOnSelect: true,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const tree = canvas.getByRole('tree')
    expect(tree).not.toHaveAttribute('aria-multiselectable')
    await expandPath(canvas, [...FIRST_CLASS_PATH, FIRST_CLASS])
    const teachers = within(tree).getAllByRole('treeitem', { name: /, 老师/ })
    expect(teachers[0]).toHaveAttribute('aria-selected', 'false')
    await clickCheckbox(teachers[0]!)
    await waitFor(() => expect(teachers[0]).toHaveAttribute('aria-selected', 'true'))
    expect(args.onConfirm).toHaveBeenCalledTimes(1)
    expect(args.onConfirm).toHaveBeenLastCalledWith(
      expect.objectContaining({ users: [expect.objectContaining({ name: headTeacher.name })] }),
    )
  },
}

/** The head teacher is always included: ticked, no remove button, kept by "clear all". */
export const LockedHeadTeacher: Story = {
  args: { lockedItems: [headTeacher] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const panel = canvas.getByRole('region', { name: /已选/ })
    const chip = within(panel).getByText(headTeacher.name).closest('li')!
    expect(chip).toHaveAttribute('title', expect.stringContaining('必选，不能取消'))
    expect(within(chip).queryByRole('button')).toBeNull()
    expect(within(panel).queryByRole('button', { name: '清空' })).toBeNull()
    await expandPath(canvas, [...FIRST_CLASS_PATH, FIRST_CLASS])
    const row = await findRow(canvas, headTeacher.name)
    expect(row).toHaveAttribute('aria-checked', 'true')
    await clickCheckbox(row)
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(`${headTeacher.name}必须选择，不能取消`),
    )
    expect(row).toHaveAttribute('aria-checked', 'true')
  },
}

/** People the app disables, with the reason on the row and in the refusal. */
export const DisabledWithReason: Story = {
  args: { disabledItems: [{ type: 'user', userid: movedAway.userid, reason: '已转学' }] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expandPath(canvas, [...FIRST_CLASS_PATH, FIRST_CLASS])
    const row = await findRow(canvas, movedAway.name)
    expect(row).toHaveAttribute('aria-disabled', 'true')
    expect(row).toHaveAccessibleName(expect.stringContaining('已转学'))
    expect(within(row).getByText('已转学')).toBeVisible()
    await userEvent.click(row)
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(`${movedAway.name}不可选：已转学`),
    )
  },
}

/** The tree starts in the teacher's class: its levels opened, the class holding the tab stop. */
export const StartInClass: Story = {
  args: { defaultRevealed: departmentItem(secondClassOfGrade3) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const row = await findRow(canvas, secondClassOfGrade3.name)
    await waitFor(() => expect(row).toHaveAttribute('tabindex', '0'))
    const grade = await findRow(canvas, '三年级')
    expect(grade).toHaveAttribute('aria-expanded', 'true')
    // Revealed on mount without taking the page's focus.
    expect(row).not.toHaveFocus()
  },
}
