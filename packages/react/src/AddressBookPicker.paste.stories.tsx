/**
 * Pick faster than clicking: paste a list of names and phone numbers, and recent picks.
 */
import { Role, type PickerValue } from '@epaas-picker/protocol'
import type { PickerHistory, SelectionItem } from '@epaas-picker/headless'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { AddressBookPicker } from './AddressBookPicker.js'
import './styles.css'
import { storyBackend } from './test/storyBackend.js'
import { departmentItem, departmentNamed, memberItem } from './test/storyItems.js'
import { WithQueryClient } from './test/WithQueryClient.js'

const small = storyBackend('paste', { dataset: 'small' })
const data = small.mock.data

// A name only one person has, two people sharing a name, a phone number, and nobody.
const byName = new Map<string, typeof data.users>()
for (const user of data.users) byName.set(user.name, [...(byName.get(user.name) ?? []), user])
const unique = [...byName.values()].find((u) => u.length === 1 && u[0]!.roles.length === 1)![0]!
const twins = [...byName.values()].find(
  (u) => u.length === 2 && u.every((t) => t.roles.length === 1),
)!
const byPhone = data.users.find(
  (u) => u !== unique && u.roles.length === 1 && byName.get(u.name)!.length === 1,
)!
const pasted = `${unique.name}，${twins[0]!.name}\n${byPhone.phone.slice(0, 3)} ${byPhone.phone.slice(3)}；查无此人`

/** A history kept in memory, as an app's own adapter would keep it on its server. */
function memoryHistory(items: SelectionItem[]): PickerHistory & { saved: SelectionItem[][] } {
  const saved: SelectionItem[][] = []
  return {
    saved,
    load: async () => saved.at(-1) ?? items,
    save: async (next) => void saved.push([...next]),
  }
}

const firstClass = departmentNamed(data, '一年级(1)班')
const recentItems = [departmentItem(firstClass), memberItem(data, firstClass, Role.Teacher)]

const meta = {
  title: 'Picker/Paste and recent',
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
    select_role_list: [Role.Student, Role.Teacher, Role.Parent],
    onConfirm: fn(),
    onValueChange: fn(),
    style: { height: 560 },
  },
} satisfies Meta<typeof AddressBookPicker>

export default meta
type Story = StoryObj<typeof meta>

/** Paste names and a phone number: one unique, two same-named to choose from, one nobody. */
export const PasteAList: Story = {
  args: { pasteList: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: '批量添加' }))
    const dialog = await canvas.findByRole('dialog', { name: '批量添加' })
    await userEvent.click(within(dialog).getByRole('textbox', { name: '粘贴姓名或手机号' }))
    await userEvent.paste(pasted)
    await userEvent.click(within(dialog).getByRole('button', { name: '识别' }))
    await waitFor(() =>
      expect(within(dialog).getByRole('status')).toHaveTextContent(
        '添加 2 人，1 人待确认，1 人未找到',
      ),
    )
    const choices = within(dialog).getByRole('group', { name: new RegExp(twins[0]!.name) })
    await userEvent.click(within(choices).getAllByRole('radio')[0]!)
    expect(within(dialog).getByRole('status')).toHaveTextContent('添加 3 人，1 人未找到')
    expect(within(dialog).getByText('查无此人')).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: '添加 3 人' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
    expect(args.onValueChange).toHaveBeenCalledTimes(1)
    const value = (args.onValueChange as ReturnType<typeof fn>).mock.lastCall![0] as PickerValue
    expect(value.users.map((u) => u.name).sort()).toEqual(
      [unique.name, twins[0]!.name, byPhone.name].sort(),
    )
  },
}

/** On a phone the same action sits beside the search box. */
export const PasteAListOnAPhone: Story = {
  args: { pasteList: true, layout: 'mobile', style: { height: 640, width: 375 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: '批量添加' }))
    const dialog = await canvas.findByRole('dialog', { name: '批量添加' })
    await userEvent.click(within(dialog).getByRole('button', { name: '识别' }))
    expect(within(dialog).getByText('请先粘贴姓名或手机号')).toBeVisible()
    await userEvent.click(within(dialog).getByRole('button', { name: '取消' }))
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull())
  },
}

/** Recent picks above the tree: ticking one is the same selection; confirming records it. */
export const RecentPicks: Story = {
  args: { history: { adapter: memoryHistory(recentItems) } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const recent = await canvas.findByRole('region', { name: '最近' })
    const klass = within(recent).getByRole('checkbox', {
      name: new RegExp(`^${firstClass.name.replace(/[()]/g, '\\$&')}`),
    })
    await userEvent.click(klass)
    await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
    const value = (args.onValueChange as ReturnType<typeof fn>).mock.lastCall![0] as PickerValue
    expect(value.departments.map((d) => d.id)).toEqual([String(firstClass.id)])
    await userEvent.click(canvas.getByRole('button', { name: '确定' }))
    const adapter = (args.history as { adapter: ReturnType<typeof memoryHistory> }).adapter
    await waitFor(() => expect(adapter.saved.length).toBe(1))
    expect(adapter.saved[0]![0]!.name).toBe(firstClass.name)
    await userEvent.click(within(recent).getByRole('button', { name: '清除' }))
    await waitFor(() => expect(canvas.queryByRole('region', { name: '最近' })).toBeNull())
  },
}
