/**
 * The form field in Chromium, against the mock: a native form submits its value as JSON and
 * fails `required` when empty; react-hook-form's validation shows its error; the keyboard opens
 * the picker and Backspace removes the last chip; the focus comes back on close; "+N" overflow;
 * locked chips stay.
 */
import { createMockEpaas } from '@epaas-picker/mock-server'
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { createRef } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { page, userEvent } from 'vitest/browser'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import '../styles.css'
import './field.css'
import { renderField } from '../test/renderField.js'
import { departmentItem, departmentNamed, memberItem } from '../test/storyItems.js'
import { open, row } from '../test/treeQueries.js'
import {
  AddressBookPickerField,
  type AddressBookPickerFieldHandle,
} from './AddressBookPickerField.js'

afterEach(cleanup)
beforeEach(async () => {
  await page.viewport(1280, 900)
})

const PATH = ['深圳市南山区第一实验学校', '学生', '本部', '一年级']
const data = createMockEpaas({ dataset: 'small' }).data
const classOf = (name: string) => departmentItem(departmentNamed(data, name))
const combobox = () => screen.getByRole('combobox', { name: '接收人' })
const chips = () => within(screen.getByRole('list', { name: '已选' })).getAllByRole('listitem')

/** Ticks a class in the open picker and confirms it. */
async function pickClass(name: string) {
  const dialog = await screen.findByRole('dialog', { name: '选择人员' })
  for (const level of PATH) await open(level)
  const klass = await row(name)
  await userEvent.click(klass.querySelector<HTMLElement>('.epp-checkbox')!)
  await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
  await userEvent.click(within(dialog).getByRole('button', { name: '确定' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
}

describe('AddressBookPickerField in a native form', () => {
  it('fails required when empty, and submits its value as JSON once picked', async () => {
    const submitted: FormData[] = []
    renderField(({ transport }) => (
      <form
        aria-label="通知"
        onSubmit={(event) => {
          event.preventDefault()
          submitted.push(new FormData(event.currentTarget))
        }}
      >
        <label htmlFor="recipients">接收人</label>
        <AddressBookPickerField
          id="recipients"
          name="recipients"
          required
          transport={transport}
          is_show_root
        />
        <button type="submit">发送</button>
      </form>
    ))
    const form = screen.getByRole<HTMLFormElement>('form', { name: '通知' })
    expect(form.checkValidity()).toBe(false)
    expect(combobox()).toHaveProperty('validationMessage', '请至少选择一项')
    // The browser's own check on submit: nothing is sent, the field gets the focus.
    await userEvent.click(screen.getByRole('button', { name: '发送' }))
    expect(submitted).toHaveLength(0)
    expect(combobox()).toHaveFocus()
    expect(form.reportValidity()).toBe(false)

    await userEvent.keyboard('{Enter}')
    await pickClass('一年级(1)班')
    expect(combobox()).toHaveFocus()
    expect(chips().map((chip) => chip.textContent)).toEqual(['一年级(1)班'])
    expect(form.checkValidity()).toBe(true)
    await userEvent.click(screen.getByRole('button', { name: '发送' }))
    expect(submitted).toHaveLength(1)
    const sent = JSON.parse(String(submitted[0]!.get('recipients'))) as PickerValue
    expect(sent.departments).toEqual([
      expect.objectContaining({ id: classOf('一年级(1)班').id, name: '一年级(1)班' }),
    ])
    expect(sent.users).toEqual([])
  })

  it('restores its default value when the form is reset', async () => {
    const first = classOf('一年级(1)班')
    const second = classOf('一年级(2)班')
    renderField(({ transport }) => (
      <form aria-label="通知">
        <AddressBookPickerField
          aria-label="接收人"
          name="recipients"
          transport={transport}
          defaultValue={{ departments: [first, second], users: [], excluded: [] }}
        />
        <button type="reset">重置</button>
      </form>
    ))
    combobox().focus()
    await userEvent.keyboard('{Backspace}')
    expect(chips().map((chip) => chip.textContent)).toEqual(['一年级(1)班'])
    await userEvent.click(screen.getByRole('button', { name: '重置' }))
    await waitFor(() => expect(chips()).toHaveLength(2))
    const form = screen.getByRole<HTMLFormElement>('form', { name: '通知' })
    expect(JSON.parse(String(new FormData(form).get('recipients'))).departments).toHaveLength(2)
  })
})

describe('AddressBookPickerField by keyboard and pointer', () => {
  const klasses = ['一年级(1)班', '一年级(2)班', '一年级(3)班'].map(classOf)
  const head = memberItem(data, departmentNamed(data, '一年级(1)班'), Role.Teacher)

  it('opens on ArrowDown and Space, gives the focus back on Escape and cancel, changing nothing', async () => {
    const onChange = vi.fn<(value: PickerValue) => void>()
    const onBlur = vi.fn()
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        onChange={onChange}
        onBlur={onBlur}
      />
    ))
    combobox().focus()
    for (const key of ['{ArrowDown}', ' ']) {
      await userEvent.keyboard(key)
      const dialog = await screen.findByRole('dialog', { name: '选择人员' })
      expect(combobox()).toHaveAttribute('aria-expanded', 'true')
      // On a desk the search box takes the focus: typing goes on there, ArrowDown enters the tree.
      await waitFor(() => expect(within(dialog).getByRole('searchbox')).toHaveFocus())
      if (key === ' ') await userEvent.click(within(dialog).getByRole('button', { name: '取消' }))
      else await userEvent.keyboard('{Escape}')
      await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
      await waitFor(() => expect(combobox()).toHaveFocus())
      expect(combobox()).toHaveAttribute('aria-expanded', 'false')
    }
    expect(onChange).not.toHaveBeenCalled()
    // Moving into the picker and back is not leaving the field; Tab away is.
    expect(onBlur).not.toHaveBeenCalled()
    combobox().blur()
    expect(onBlur).toHaveBeenCalledTimes(1)
  })

  it('opens searching for what is typed into it', async () => {
    const someone = data.users.find((user) => user.phone)!
    renderField(({ transport }) => (
      <AddressBookPickerField aria-label="接收人" transport={transport} />
    ))
    combobox().focus()
    await userEvent.keyboard(someone.phone.slice(0, 1))
    const dialog = await screen.findByRole('dialog', { name: '选择人员' })
    const search = within(dialog).getByRole('searchbox')
    await waitFor(() => expect(search).toHaveFocus())
    expect(search).toHaveValue(someone.phone.slice(0, 1))
    // The rest goes on in the search box: a phone number finds its person.
    await userEvent.keyboard(someone.phone.slice(1))
    expect(search).toHaveValue(someone.phone)
    const found = await within(dialog).findAllByRole(
      'treeitem',
      { name: new RegExp(`^${someone.name},`) },
      { timeout: 3000 },
    )
    expect(found.length).toBeGreaterThan(0)
    expect(combobox()).toHaveValue('')
  })

  it('opens searching for a word that arrives at once, as an IME or a paste gives it', async () => {
    renderField(({ transport }) => (
      <AddressBookPickerField aria-label="接收人" transport={transport} />
    ))
    combobox().focus()
    // What Chinese input ends with: the composed word arrives at once (no key per character).
    await userEvent.keyboard('一年级')
    const dialog = await screen.findByRole('dialog', { name: '选择人员' })
    await waitFor(() => expect(within(dialog).getByRole('searchbox')).toHaveValue('一年级'))
  })

  it('returns the focus to the field after a pointer opened it from the chips', async () => {
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        defaultValue={{ departments: klasses, users: [], excluded: [] }}
      />
    ))
    await userEvent.click(screen.getByText('一年级(2)班'))
    const dialog = await screen.findByRole('dialog', { name: '选择人员' })
    await userEvent.click(within(dialog).getByRole('button', { name: '关闭' }))
    await waitFor(() => expect(combobox()).toHaveFocus())
  })

  it('removes the last chip on Backspace, never a locked one, and clear keeps it too', async () => {
    const onChange = vi.fn<(value: PickerValue) => void>()
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        lockedItems={[head]}
        defaultValue={{ departments: klasses.slice(0, 2), users: [], excluded: [] }}
        onChange={onChange}
      />
    ))
    const names = () => chips().map((chip) => chip.querySelector('.epp-chip-label')!.textContent)
    // The locked teacher is in the value from the start, and proposed to the owner.
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(1))
    expect(onChange.mock.lastCall![0].users).toEqual([head])
    expect(names()).toEqual(['一年级(1)班', '一年级(2)班', head.name])
    const lockedChip = chips()[2]!
    expect(within(lockedChip).queryByRole('button')).toBeNull()

    combobox().focus()
    await userEvent.keyboard('{Backspace}')
    expect(names()).toEqual(['一年级(1)班', head.name])
    expect(onChange.mock.lastCall![0].departments.map((d) => d.name)).toEqual(['一年级(1)班'])
    await userEvent.keyboard('{Backspace}{Backspace}')
    expect(names()).toEqual([head.name])
    expect(onChange.mock.lastCall![0]).toEqual({ departments: [], users: [head], excluded: [] })
    expect(screen.queryByRole('button', { name: '清空已选' })).toBeNull()
  })

  it('removes a chip with its button and clears all but the locked items', async () => {
    const onChange = vi.fn<(value: PickerValue) => void>()
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        value={{ departments: klasses, users: [head], excluded: [] }}
        lockedItems={[head]}
        onChange={onChange}
      />
    ))
    await userEvent.click(screen.getByRole('button', { name: '移除 一年级(2)班' }))
    expect(onChange.mock.lastCall![0].departments.map((d) => d.name)).toEqual([
      '一年级(1)班',
      '一年级(3)班',
    ])
    // Controlled: the chips follow the prop, which has not changed.
    expect(chips()).toHaveLength(4)
    await userEvent.click(screen.getByRole('button', { name: '清空已选' }))
    expect(onChange.mock.lastCall![0]).toEqual({ departments: [], users: [head], excluded: [] })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows maxTagCount chips and one "+N" for the others', async () => {
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        maxTagCount={1}
        defaultValue={{ departments: klasses, users: [], excluded: [] }}
      />
    ))
    const shown = chips()
    expect(shown).toHaveLength(2)
    expect(shown[0]).toHaveTextContent('一年级(1)班')
    const more = shown[1]!
    expect(more).toHaveTextContent('+2')
    expect(within(more).getByText('另有 2 项')).toHaveClass('epp-visually-hidden')
    expect(more).toHaveAttribute('title', '一年级(2)班、一年级(3)班')
    // Backspace still removes the last item, hidden or not.
    combobox().focus()
    await userEvent.keyboard('{Backspace}')
    expect(chips()[1]).toHaveTextContent('+1')
  })
})

describe('AddressBookPickerField with react-hook-form', () => {
  interface Notice {
    recipients: PickerValue | null
  }

  function NoticeForm({
    onSend,
    transport,
  }: {
    onSend: (notice: Notice) => void
    transport: never
  }) {
    const { control, handleSubmit } = useForm<Notice>({ defaultValues: { recipients: null } })
    return (
      <form aria-label="通知" noValidate onSubmit={handleSubmit(onSend)}>
        <Controller
          name="recipients"
          control={control}
          rules={{ validate: (value) => (value?.users.length ?? 0) > 0 || '请选择接收人' }}
          render={({ field, fieldState }) => (
            <AddressBookPickerField
              {...field}
              aria-label="接收人"
              transport={transport}
              select_type={1}
              is_show_root
              error={fieldState.error?.message}
            />
          )}
        />
        <button type="submit">发送</button>
      </form>
    )
  }

  it('shows the validation error on the field, focuses it, and sends the picked value', async () => {
    const onSend = vi.fn<(notice: Notice) => void>()
    const klass = departmentNamed(data, '一年级(1)班')
    renderField(({ transport }) => <NoticeForm onSend={onSend} transport={transport as never} />)
    await userEvent.click(screen.getByRole('button', { name: '发送' }))
    await waitFor(() => expect(combobox()).toHaveAttribute('aria-invalid', 'true'))
    expect(combobox()).toHaveAccessibleDescription('请选择接收人')
    // react-hook-form focuses the first invalid field through the forwarded ref.
    expect(combobox()).toHaveFocus()
    expect(onSend).not.toHaveBeenCalled()

    await userEvent.keyboard('{Enter}')
    await screen.findByRole('dialog', { name: '选择人员' })
    for (const level of [...PATH, '一年级(1)班']) await open(level)
    const teacher = memberItem(data, klass, Role.Teacher)
    const person = await row(teacher.name)
    await userEvent.click(person.querySelector<HTMLElement>('.epp-checkbox')!)
    await userEvent.click(screen.getByRole('button', { name: '确定' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await userEvent.click(screen.getByRole('button', { name: '发送' }))
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(1))
    expect(onSend.mock.lastCall![0].recipients!.users).toEqual([
      expect.objectContaining({ userid: teacher.userid, name: teacher.name }),
    ])
    expect(combobox()).not.toHaveAttribute('aria-invalid')
    expect(screen.queryByText('请选择接收人')).toBeNull()
  })

  it('when disabled, neither opens, removes nor submits, and is not validated', async () => {
    const ref = createRef<AddressBookPickerFieldHandle>()
    renderField(({ transport }) => (
      <form aria-label="通知">
        <AddressBookPickerField
          ref={ref}
          aria-label="接收人"
          name="recipients"
          transport={transport}
          disabled
          required
        />
      </form>
    ))
    expect(combobox()).toBeDisabled()
    ref.current!.open()
    await userEvent.click(combobox(), { force: true })
    expect(screen.queryByRole('dialog')).toBeNull()
    const form = screen.getByRole<HTMLFormElement>('form', { name: '通知' })
    expect(new FormData(form).get('recipients')).toBeNull()
    // As any disabled input: barred from constraint validation.
    expect(form.checkValidity()).toBe(true)
  })
})

describe('AddressBookPickerField on a phone', () => {
  it('opens the picker as a full-screen sheet with the drill-down list', async () => {
    await page.viewport(390, 844)
    const onChange = vi.fn<(value: PickerValue) => void>()
    renderField(({ transport }) => (
      <AddressBookPickerField
        aria-label="接收人"
        transport={transport}
        is_show_root
        onChange={onChange}
      />
    ))
    await userEvent.click(combobox())
    const sheet = await screen.findByRole('dialog', { name: '选择人员' })
    expect(sheet).toHaveClass('epp-field-sheet')
    expect(sheet.getBoundingClientRect().width).toBe(390)
    expect(sheet.getBoundingClientRect().height).toBe(844)
    expect(within(sheet).getByRole('navigation', { name: '当前位置' })).toBeVisible()
    await userEvent.click(
      await within(sheet).findByRole('checkbox', { name: /^深圳市南山区第一实验学校/ }),
    )
    await userEvent.click(within(sheet).getByRole('button', { name: '确定' }))
    await waitFor(() => expect(combobox()).toHaveFocus())
    expect(onChange.mock.lastCall![0].departments.map((d) => d.name)).toEqual([
      '深圳市南山区第一实验学校',
    ])
  })
})
