import {
  Role,
  type PickerValue,
  type SelectedDepartment,
  type SelectedUser,
} from '@epaas-picker/protocol'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AddressBookPicker } from './AddressBookPicker.js'
import { AddressBookPickerDialog } from './AddressBookPickerDialog.js'
import { enUS } from './locales/en-US.js'
import './styles.css'
import { storyBackend } from './test/storyBackend.js'
import {
  clickCheckbox,
  expandPath,
  findRow,
  FIRST_CLASS,
  FIRST_CLASS_PATH,
  SCHOOL,
} from './test/storyPlay.js'
import { WithQueryClient } from './test/WithQueryClient.js'

// One mock per behaviour, each at its own path, all through MSW and the mock's real handler.
const small = storyBackend('small', { dataset: 'small' })
const slow = storyBackend('slow', { dataset: 'small', faults: { latencyMs: 1200 } })
const failing = storyBackend('failing', { dataset: 'small' })

const data = small.mock.data
const school = data.organizations[0]!
const rootKey = `d${school.rootId}`
const studentsGroup = data.departmentById
  .get(school.rootId)!
  .childIds.map((id) => data.departmentById.get(id)!)
  .find((department) => department.departmentType === 1)!

const meta = {
  title: 'Picker/AddressBookPicker',
  component: AddressBookPicker,
  decorators: [
    (Story) => (
      <WithQueryClient>
        <Story />
      </WithQueryClient>
    ),
  ],
  parameters: { msw: { handlers: [...small.handlers, ...slow.handlers, ...failing.handlers] } },
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

/** A school: expand down to a class, tick it, untick one student inside it, confirm. */
export const DefaultSchool: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const grade = await expandPath(canvas, FIRST_CLASS_PATH)
    expect(grade).toHaveAttribute('aria-level', '4')
    const klass = await findRow(canvas, FIRST_CLASS)
    await clickCheckbox(klass)
    await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
    await waitFor(() => expect(grade).toHaveAttribute('aria-checked', 'mixed'))

    // Children loaded under a ticked class show ticked; unticking one excludes it.
    await expandPath(canvas, [FIRST_CLASS])
    const people = within(canvas.getByRole('tree')).getAllByRole('treeitem', { name: /, 学生/ })
    const student = people[0]!
    expect(student).toHaveAttribute('aria-checked', 'true')
    await userEvent.click(student)
    await waitFor(() => expect(student).toHaveAttribute('aria-checked', 'false'))
    expect(klass).toHaveAttribute('aria-checked', 'mixed')
    const panel = canvas.getByRole('region', { name: /已选/ })
    await waitFor(() => expect(within(panel).getByText('除外')).toBeVisible())
    expect(within(panel).getByRole('button', { name: /^移除 一年级\(1\)班/ })).toBeVisible()

    await userEvent.click(canvas.getByRole('button', { name: '确定' }))
    expect(args.onConfirm).toHaveBeenCalledTimes(1)
    const value = (args.onConfirm as ReturnType<typeof fn>).mock.calls[0]![0] as PickerValue
    expect(value.departments.map((d) => d.name)).toEqual(['一年级(1)班'])
    expect(value.excluded).toHaveLength(1)
  },
}

/** Keyboard only: Tab into the tree, arrows to move and open, Space to tick, Home/End. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const root = await findRow(canvas, SCHOOL)
    await userEvent.click(canvas.getByRole('searchbox'))
    await userEvent.keyboard('{ArrowDown}')
    expect(root).toHaveFocus()
    await userEvent.keyboard('{ArrowRight}')
    await waitFor(() => expect(root).toHaveAttribute('aria-expanded', 'true'))
    const students = await findRow(canvas, '学生')
    await userEvent.keyboard('{ArrowDown}')
    expect(students).toHaveFocus()
    await userEvent.keyboard(' ')
    await waitFor(() => expect(students).toHaveAttribute('aria-checked', 'true'))
    expect(root).toHaveAttribute('aria-checked', 'mixed')
    await userEvent.keyboard('{ArrowLeft}')
    expect(root).toHaveFocus()
    await userEvent.keyboard('{ArrowLeft}')
    await waitFor(() => expect(root).toHaveAttribute('aria-expanded', 'false'))
    await userEvent.keyboard('{ArrowRight}{End}')
    await waitFor(() => expect(canvas.getAllByRole('treeitem').at(-1)).toHaveFocus())
    await userEvent.keyboard('{Home}')
    expect(root).toHaveFocus()
  },
}

/** `select_type: 1`: people only; ticking a department means all its members. */
export const UsersOnly: Story = {
  args: { select_type: 1, defaultExpanded: [rootKey] },
}

/** `select_type: 2`: departments only; people show without checkboxes. */
export const DepartmentsOnly: Story = {
  args: { select_type: 2 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expandPath(canvas, [...FIRST_CLASS_PATH, FIRST_CLASS])
    const person = (await canvas.findAllByRole('treeitem', { name: /, 学生/ }))[0]!
    expect(person).not.toHaveAttribute('aria-checked')
    await userEvent.click(person)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('只能选择部门'))
  },
}

/** `select_role_list: [13]`: parents only, each with the child and relation (张三的爸爸). */
export const RolesFilter: Story = {
  args: { select_role_list: [Role.Parent] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expandPath(canvas, [...FIRST_CLASS_PATH, FIRST_CLASS])
    const parents = await canvas.findAllByRole('treeitem', {
      name: /, 家长, .+的(爸爸|妈妈|爷爷|奶奶|外公|外婆)/,
    })
    expect(parents.length).toBeGreaterThan(0)
    expect(canvas.queryAllByRole('treeitem', { name: /, 学生/ })).toHaveLength(0)
  },
}

const someone = data.users.find((user) => user.roles.includes(Role.Teacher) && !user.disabled)!

/** Search by name: results with school, path and the match marked; tick one; clear. */
export const SearchByName: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const root = await findRow(canvas, SCHOOL)
    await userEvent.click(root)
    await waitFor(() => expect(root).toHaveAttribute('aria-expanded', 'true'))
    await userEvent.type(canvas.getByRole('searchbox'), someone.name)
    const result = (
      await canvas.findAllByRole(
        'treeitem',
        { name: new RegExp(`^${someone.name}, `) },
        { timeout: 4000 },
      )
    )[0]!
    expect(result).toHaveAccessibleName(new RegExp(SCHOOL))
    expect(within(result).getByText(someone.name, { selector: 'mark' })).toBeVisible()
    await userEvent.click(result)
    await waitFor(() => expect(result).toHaveAttribute('aria-checked', 'true'))
    await userEvent.click(canvas.getByRole('searchbox'))
    await userEvent.keyboard('{Escape}')
    // The tree comes back with its expanded rows; the tick stays.
    await waitFor(() => expect(canvas.getByRole('searchbox')).toHaveValue(''))
    expect(await findRow(canvas, SCHOOL)).toHaveAttribute('aria-expanded', 'true')
    const panel = canvas.getByRole('region', { name: /已选/ })
    expect(within(panel).getByRole('button', { name: `移除 ${someone.name}` })).toBeVisible()
  },
}

/** `search_type: 3`: an exact phone number finds its owner. */
export const SearchByPhone: Story = {
  args: { search_type: 3, defaultSearchValue: someone.phone },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole(
      'treeitem',
      { name: new RegExp(`^${someone.name}, `) },
      { timeout: 4000 },
    )
  },
}

/** A search without results. */
export const SearchNoResult: Story = {
  args: { defaultSearchValue: '不存在的名字' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByText('没有找到与“不存在的名字”相关的结果', {}, { timeout: 4000 })
  },
}

/** `maxCount`: a tick that would go past it is refused, and the reason is said. */
export const MaximumReached: Story = {
  args: { maxCount: 10 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expandPath(canvas, FIRST_CLASS_PATH)
    const klass = await findRow(canvas, FIRST_CLASS)
    await clickCheckbox(klass)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(/最多可选 10 人/))
    expect(klass).toHaveAttribute('aria-checked', 'false')
  },
}

/** `select_tag_list: [5]`: only classes may be ticked; grades (and the data's disabled class) are disabled. */
export const DisabledRows: Story = {
  args: { select_tag_list: [5] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const grade = await expandPath(canvas, FIRST_CLASS_PATH)
    expect(grade).toHaveAttribute('aria-disabled', 'true')
    await clickCheckbox(grade)
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('一年级不可选'))
    expect(grade).toHaveAttribute('aria-checked', 'false')
  },
}

/** Every request fails (HTTP 502) until the network comes back; Retry loads again. */
export const LoadErrorAndRetry: Story = {
  args: { transport: failing.transport },
  beforeEach: () => {
    failing.mock.faults.set({ http502Rate: 1 })
    return () => failing.mock.faults.reset()
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const retry = await canvas.findByRole('button', { name: '重试' }, { timeout: 4000 })
    expect(canvas.getByText('加载失败')).toBeVisible()
    failing.mock.faults.reset()
    await userEvent.click(retry)
    await findRow(canvas, SCHOOL)
  },
}

/** Every answer takes 1.2 s: loading rows while levels load. */
export const SlowNetwork: Story = {
  args: { transport: slow.transport },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(await canvas.findByText('加载中…')).toBeVisible()
    const root = await findRow(canvas, SCHOOL, 5000)
    await userEvent.click(root)
    await waitFor(() => expect(root).toHaveAttribute('aria-busy', 'true'))
    await waitFor(() => expect(root).not.toHaveAttribute('aria-busy'), { timeout: 5000 })
  },
}

// A saved value: a class, and a parent of two children, rendered with names before any load.
const firstClass = data.departments.find((department) => department.name === '一年级(1)班')!
const parentOfTwo = data.users.find(
  (user) =>
    new Set(user.listings.filter((l) => l.role === Role.Parent).map((l) => l.childId)).size > 1,
)!
const savedValue: PickerValue = {
  departments: [
    {
      type: 'department',
      corpid: String(firstClass.corpid),
      id: String(firstClass.id),
      name: firstClass.name,
      path: firstClass.path,
      id_path: firstClass.idPath.map(String),
      department_type: firstClass.departmentType,
      users_total: firstClass.members.length,
    } satisfies SelectedDepartment,
  ],
  users: [
    {
      type: 'user',
      corpid: String(parentOfTwo.corpid),
      userid: String(parentOfTwo.userid),
      role_id: Role.Parent,
      name: parentOfTwo.name,
      path: '',
      id_path: [],
      children: parentOfTwo.listings
        .filter((listing) => listing.role === Role.Parent)
        .map((listing) => ({
          child_id: String(listing.childId),
          child_name: data.userById.get(listing.childId)!.name,
          child_relation: '家长',
        })),
    } satisfies SelectedUser,
  ],
  excluded: [],
}

/** A saved value renders with names (`王五 · 张三、李四的家长`), no bare IDs. */
export const SavedValueWithNames: Story = {
  args: { defaultValue: savedValue },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const panel = canvas.getByRole('region', { name: /已选/ })
    expect(within(panel).getByText('一年级(1)班')).toBeVisible()
    expect(
      within(panel).getByText(new RegExp(`^${parentOfTwo.name} · .+、.+的家长$`)),
    ).toBeVisible()
    await expandPath(canvas, FIRST_CLASS_PATH)
    expect(await findRow(canvas, FIRST_CLASS)).toHaveAttribute('aria-checked', 'true')
  },
}

/** Narrow screens: drill-down lists, a breadcrumb, 44 px targets, the selection in a bottom sheet. */
export const Mobile: Story = {
  args: { layout: 'mobile', style: { height: 640, width: 375 } },
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(
      await canvas.findByRole('button', { name: new RegExp(`^进入 ${SCHOOL}`) }),
    )
    await userEvent.click(await canvas.findByRole('button', { name: /^进入 学生/ }))
    const crumbs = canvas.getByRole('navigation', { name: '当前位置' })
    expect(within(crumbs).getByRole('button', { name: '学生' })).toHaveAttribute(
      'aria-current',
      'location',
    )
    const campus = await canvas.findByRole('checkbox', { name: /^本部/ })
    expect(campus.getBoundingClientRect().height).toBeGreaterThanOrEqual(22)
    await userEvent.click(campus)
    await waitFor(() => expect(campus).toHaveAttribute('aria-checked', 'true'))
    await userEvent.click(canvas.getByRole('button', { name: /^已选：/ }))
    const sheet = await canvas.findByRole('dialog', { name: '已选' })
    expect(within(sheet).getByText('本部')).toBeVisible()
    const remove = within(sheet).getByRole('button', { name: '移除 本部' })
    expect(remove.getBoundingClientRect().height).toBeGreaterThanOrEqual(44)
    await userEvent.click(remove)
    await userEvent.click(within(sheet).getByRole('button', { name: '关闭' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    await userEvent.click(within(crumbs).getByRole('button', { name: '通讯录' }))
    // Keyboard: Enter on a level's button opens it and focus moves into the new list.
    const school = await canvas.findByRole('button', { name: new RegExp(`^进入 ${SCHOOL}`) })
    school.focus()
    await userEvent.keyboard('{Enter}')
    const studentsBox = await canvas.findByRole('checkbox', { name: /^学生/ })
    await waitFor(() => expect(studentsBox).toHaveFocus())
  },
}

/** Chosen by width: the same picker in a 360 px wide container turns to the mobile layout. */
export const MobileByWidth: Story = {
  args: { style: { height: 560, width: 360 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await canvas.findByRole('navigation', { name: '当前位置' })
  },
}

/** The dark theme. */
export const Dark: Story = {
  args: { theme: 'dark', defaultExpanded: [rootKey] },
  parameters: { backgrounds: { default: 'dark' } },
  decorators: [
    (Story) => (
      <div style={{ background: '#0f1115', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
}

/** Compact density (32 px rows). */
export const Compact: Story = {
  args: { density: 'compact', defaultExpanded: [rootKey, `${rootKey}/d${studentsGroup.id}`] },
}

/** English texts; names and paths stay as the server sends them. */
export const EnglishUS: Story = {
  name: 'en-US',
  args: { locale: enUS, defaultExpanded: [rootKey] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole('searchbox', { name: 'Search people or departments' }),
    ).toBeVisible()
    expect(canvas.getByRole('button', { name: 'Confirm' })).toBeVisible()
    expect(canvas.getByText('Nothing selected yet', { selector: 'p' })).toBeVisible()
  },
}

/** Every text can be replaced. */
export const CustomTexts: Story = {
  args: { messages: { confirm: '发送通知', searchPlaceholder: '输入学生或家长姓名' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(canvas.getByRole('button', { name: '发送通知' })).toBeVisible()
  },
}

/** In a modal dialog: confirm and cancel close it. */
export const InDialog: Story = {
  render: function Render(args) {
    const [open, setOpen] = useState(false)
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          选择接收人
        </button>
        <AddressBookPickerDialog {...args} open={open} onOpenChange={setOpen} />
      </>
    )
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const opener = canvas.getByRole('button', { name: '选择接收人' })
    await userEvent.click(opener)
    const dialog = await canvas.findByRole('dialog', { name: '选择人员' })
    await findRow(within(dialog), SCHOOL)
    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    expect(opener).toHaveFocus()
    await userEvent.click(opener)
    await userEvent.click(await canvas.findByRole('button', { name: '取消' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    expect(args.onCancel).toHaveBeenCalled()
  },
}
