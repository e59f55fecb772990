/**
 * The picker as a form field: in a native form (required, the value as JSON in FormData), with
 * react-hook-form's Controller (its validation error in the field's slot), chips told apart with
 * "+N" overflow and a locked teacher, disabled and read-only, and on a phone (a full-screen sheet).
 */
import { Role, type PickerValue, type SelectedUser } from '@epaas-picker/protocol'
import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState, type ComponentProps } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import '../styles.css'
import './field.css'
import { storyBackend } from '../test/storyBackend.js'
import { departmentItem, departmentNamed, memberItem } from '../test/storyItems.js'
import {
  clickCheckbox,
  expandPath,
  findRow,
  FIRST_CLASS,
  FIRST_CLASS_PATH,
} from '../test/storyPlay.js'
import { WithQueryClient } from '../test/WithQueryClient.js'
import { AddressBookPickerField } from './AddressBookPickerField.js'

const small = storyBackend('field', { dataset: 'small' })
const data = small.mock.data
const firstClass = departmentNamed(data, FIRST_CLASS)
const headTeacher = memberItem(data, firstClass, Role.Teacher)
const classes = ['一年级(2)班', '一年级(3)班', '二年级(1)班', '二年级(2)班'].map((name) =>
  departmentItem(departmentNamed(data, name)),
)

/** Two students of different classes who share a name: their chips say which class. */
function namesakes(): SelectedUser[] {
  const seen = new Map<string, SelectedUser>()
  for (const department of data.departments) {
    for (let index = 0; ; index++) {
      const member = department.members.filter((m) => m.role === Role.Student)[index]
      if (!member) break
      const item = memberItem(data, department, Role.Student, index)
      const twin = seen.get(item.name)
      if (twin && twin.path !== item.path) return [twin, item]
      seen.set(item.name, item)
    }
  }
  throw new Error('no two students share a name')
}

const meta = {
  title: 'Picker/Field',
  component: AddressBookPickerField,
  decorators: [
    (Story) => (
      <WithQueryClient>
        <div style={{ maxWidth: 480 }}>
          <Story />
        </div>
      </WithQueryClient>
    ),
  ],
  parameters: { msw: { handlers: small.handlers } },
  args: {
    transport: small.transport,
    is_show_root: true,
    need_users_total: true,
    select_role_list: [Role.Student, Role.Teacher, Role.Parent],
    onChange: fn(),
    onBlur: fn(),
  },
} satisfies Meta<typeof AddressBookPickerField>

export default meta
type Story = StoryObj<typeof meta>
type FieldArgs = ComponentProps<typeof AddressBookPickerField>

/** The page around the field: the dialog is on `document.body`, outside the story's canvas. */
const pageOf = (canvasElement: HTMLElement) => within(canvasElement.ownerDocument.body)

/** A plain form: `name` puts the value in FormData as JSON; `required` stops an empty submit. */
function NativeForm(args: FieldArgs) {
  const [sent, setSent] = useState('')
  return (
    <form
      aria-label="发送通知"
      onSubmit={(event) => {
        event.preventDefault()
        setSent(String(new FormData(event.currentTarget).get('recipients')))
      }}
      style={{ display: 'grid', gap: 8 }}
    >
      <label htmlFor="recipients">接收人</label>
      <AddressBookPickerField {...args} id="recipients" name="recipients" required />
      <button type="submit">发送</button>
      <output aria-label="已提交">{sent}</output>
    </form>
  )
}

export const InANativeForm: Story = {
  render: (args) => <NativeForm {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const field = canvas.getByRole('combobox', { name: '接收人' })
    await userEvent.click(canvas.getByRole('button', { name: '发送' }))
    // The browser refused the submit and focused the field with its message.
    expect(canvas.getByRole('status', { name: '已提交' })).toHaveTextContent('')
    expect(field).toHaveFocus()
    expect(field).toHaveProperty('validationMessage', '请至少选择一项')

    await userEvent.keyboard('{Enter}')
    const dialog = await pageOf(canvasElement).findByRole('dialog', { name: '选择人员' })
    const picker = within(dialog)
    await expandPath(picker, [...FIRST_CLASS_PATH])
    await clickCheckbox(await findRow(picker, FIRST_CLASS))
    await userEvent.click(picker.getByRole('button', { name: '确定' }))
    await waitFor(() => expect(field).toHaveFocus())
    expect(canvas.getByRole('list', { name: '已选' })).toHaveTextContent(FIRST_CLASS)
    await userEvent.click(canvas.getByRole('button', { name: '发送' }))
    const sent = JSON.parse(canvas.getByRole('status').textContent ?? '') as PickerValue
    expect(sent.departments.map((d) => d.name)).toEqual([FIRST_CLASS])
  },
}

interface Notice {
  recipients: PickerValue | null
}

/** react-hook-form's Controller spread onto the field: value, onChange, onBlur, ref, disabled. */
function HookForm(args: FieldArgs) {
  const [sent, setSent] = useState<Notice | null>(null)
  const { control, handleSubmit } = useForm<Notice>({ defaultValues: { recipients: null } })
  return (
    <form
      aria-label="发送通知"
      noValidate
      onSubmit={handleSubmit(setSent)}
      style={{ display: 'grid', gap: 8 }}
    >
      <span id="recipients-label">接收人（至少一位老师）</span>
      <Controller
        name="recipients"
        control={control}
        rules={{
          validate: (value) =>
            (value?.users.some((u) => u.role_id === Role.Teacher) ?? false) || '请选择至少一位老师',
        }}
        render={({ field, fieldState }) => (
          <AddressBookPickerField
            {...args}
            {...field}
            aria-labelledby="recipients-label"
            error={fieldState.error?.message}
          />
        )}
      />
      <button type="submit">发送</button>
      <output aria-label="已提交">{sent ? `${sent.recipients?.users.length} 人` : ''}</output>
    </form>
  )
}

export const WithReactHookForm: Story = {
  args: { select_type: 1, select_role_list: [Role.Teacher] },
  render: (args) => <HookForm {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const field = canvas.getByRole('combobox', { name: '接收人（至少一位老师）' })
    await userEvent.click(canvas.getByRole('button', { name: '发送' }))
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription('请选择至少一位老师')
    expect(field).toHaveFocus()

    await userEvent.keyboard('{ArrowDown}')
    const dialog = await pageOf(canvasElement).findByRole('dialog', { name: '选择人员' })
    const picker = within(dialog)
    await expandPath(picker, [...FIRST_CLASS_PATH, FIRST_CLASS])
    await clickCheckbox(await findRow(picker, headTeacher.name))
    await userEvent.click(picker.getByRole('button', { name: '确定' }))
    await waitFor(() => expect(field).not.toHaveAttribute('aria-invalid'))
    await userEvent.click(canvas.getByRole('button', { name: '发送' }))
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('1 人'))
  },
}

/** Same-named students told apart, a head teacher who cannot be removed, "+N" past four chips. */
export const ChipsAndOverflow: Story = {
  args: {
    'aria-label': '接收人',
    maxTagCount: 4,
    lockedItems: [headTeacher],
    defaultValue: { departments: classes.slice(0, 2), users: namesakes(), excluded: [] },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    const [one, other] = namesakes() as [SelectedUser, SelectedUser]
    const chips = () => within(canvas.getByRole('list', { name: '已选' })).getAllByRole('listitem')
    // Two classes, the locked teacher (proposed with the value on start), one namesake, "+1".
    await waitFor(() => expect(args.onChange).toHaveBeenCalledTimes(1))
    expect(chips()).toHaveLength(5)
    expect(chips()[2]).toHaveAttribute('data-locked')
    expect(chips()[3]).toHaveTextContent(`${one.name}${one.path.split('/').at(-1)}`)
    expect(
      canvas.getByRole('button', { name: `移除 ${one.name}（${one.path.split('/').at(-1)}）` }),
    ).toBeInTheDocument()
    expect(chips()[4]).toHaveTextContent('+1')
    expect(chips()[4]).toHaveAttribute('title', other.name)
    // Backspace removes the hidden namesake: the other no longer needs telling apart.
    canvas.getByRole('combobox').focus()
    await userEvent.keyboard('{Backspace}')
    expect(chips()).toHaveLength(4)
    expect(chips()[3]).toHaveTextContent(new RegExp(`^学生${one.name}$`))
  },
}

/** The picker open over the page, with the field's value ticked (axe checks the dialog too). */
export const PickerOpen: Story = {
  args: {
    'aria-label': '接收人',
    defaultValue: { departments: classes.slice(0, 1), users: [], excluded: [] },
  },
  parameters: { a11y: { context: 'body' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const field = canvas.getByRole('combobox', { name: '接收人' })
    await userEvent.click(field)
    const dialog = await pageOf(canvasElement).findByRole('dialog', { name: '选择人员' })
    expect(field).toHaveAttribute('aria-expanded', 'true')
    const panel = within(dialog).getByRole('region', { name: /已选/ })
    expect(within(panel).getByText(classes[0]!.name)).toBeVisible()
  },
}

/** Disabled (not focusable, not submitted) and read-only (focusable, nothing opens); an error. */
export const DisabledReadOnlyAndError: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      <AddressBookPickerField
        {...args}
        aria-label="已停用"
        disabled
        defaultValue={{ departments: classes.slice(0, 2), users: [], excluded: [] }}
      />
      <AddressBookPickerField
        {...args}
        aria-label="只读"
        readOnly
        defaultValue={{ departments: classes.slice(0, 2), users: [], excluded: [] }}
      />
      <AddressBookPickerField {...args} aria-label="有错误" error="请选择接收人" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(canvas.getByRole('combobox', { name: '已停用' })).toBeDisabled()
    const readOnly = canvas.getByRole('combobox', { name: '只读' })
    await userEvent.click(readOnly)
    await userEvent.keyboard('{Enter}{Backspace}')
    expect(pageOf(canvasElement).queryByRole('dialog')).toBeNull()
    expect(canvas.queryAllByRole('button', { name: /移除/ })).toEqual([])
    const invalid = canvas.getByRole('combobox', { name: '有错误' })
    expect(invalid).toHaveAttribute('aria-invalid', 'true')
    expect(invalid).toHaveAccessibleDescription('请选择接收人')
  },
}

/** On a phone the picker fills the screen, with the drill-down list and the breadcrumb. */
export const OnAPhone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  // The sheet is left open for axe, which looks at the whole page (the sheet is on its body).
  parameters: { a11y: { context: 'body' } },
  render: (args) => <NativeForm {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const field = canvas.getByRole('combobox', { name: '接收人' })
    await userEvent.click(field)
    const sheet = await pageOf(canvasElement).findByRole('dialog', { name: '选择人员' })
    expect(sheet).toHaveClass('epp-field-sheet')
    expect(sheet.getBoundingClientRect().width).toBe(window.innerWidth)
    const picker = within(sheet)
    expect(picker.getByRole('navigation', { name: '当前位置' })).toBeVisible()
    await userEvent.click(
      await picker.findByRole('button', { name: /^进入 深圳市南山区第一实验学校/ }),
    )
    await userEvent.click(picker.getByRole('button', { name: '关闭' }))
    await waitFor(() => expect(field).toHaveFocus())
    await userEvent.keyboard(' ')
    await pageOf(canvasElement).findByRole('dialog', { name: '选择人员' })
  },
}
