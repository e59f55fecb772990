import '@testing-library/jest-dom/vitest'
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderPicker } from './test/renderPicker.js'
import { enUS } from './locales/en-US.js'

afterEach(cleanup)

const saved: PickerValue = {
  departments: [
    {
      type: 'department',
      corpid: '890000',
      id: '3029019',
      name: '一年级(1)班',
      path: '本部/一年级/一年级(1)班',
      id_path: ['3029000', '3029001', '3029016', '3029018', '3029019'],
      users_total: 40,
    },
  ],
  users: [
    {
      type: 'user',
      corpid: '890000',
      userid: '30010001',
      role_id: Role.Teacher,
      name: '李老师',
      path: '语文组',
      id_path: ['3029000', '3029002'],
    },
    {
      type: 'user',
      corpid: '890000',
      userid: '30010002',
      role_id: Role.Parent,
      name: '王五',
      path: '',
      id_path: [],
      children: [
        { child_id: '1', child_name: '张三', child_relation: '爸爸' },
        { child_id: '2', child_name: '李四', child_relation: '爸爸' },
      ],
    },
  ],
  excluded: [
    {
      type: 'user',
      corpid: '890000',
      userid: '30010003',
      role_id: Role.Student,
      name: '赵六',
      path: '本部/一年级/一年级(1)班',
      id_path: ['3029000', '3029001', '3029016', '3029018', '3029019'],
    },
  ],
}

const panel = () => screen.getByRole('region', { name: /已选|Selected/ })

describe('SelectedPanel', () => {
  it('shows a saved value with names, counts by role, and each chip once', () => {
    renderPicker({ defaultValue: saved })
    const region = panel()
    expect(within(region).getByText('1 个部门，1 名老师，1 名家长，除外 1 项')).toBeVisible()
    // 40 in the class, two people, one exclusion.
    expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent('已选 约 41 人')
    expect(within(region).getByText('王五 · 张三、李四的家长')).toBeVisible()
    const chips = within(region).getAllByRole('listitem')
    expect(chips.map((chip) => chip.textContent)).toEqual([
      '一年级(1)班',
      '老师李老师',
      '家长王五 · 张三、李四的家长',
      '赵六',
    ])
  })

  it('removes one chip, includes an exclusion again, and clears all', async () => {
    const user = userEvent.setup()
    const onValueChange = vi.fn<(value: PickerValue) => void>()
    renderPicker({ defaultValue: saved, onValueChange })
    await user.click(within(panel()).getByRole('button', { name: '移除 李老师' }))
    expect(onValueChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ users: [expect.objectContaining({ name: '王五' })] }),
    )
    // The panel follows the value in a deferred render: on a busy machine it may come after the
    // click has resolved.
    await waitFor(() => expect(within(panel()).queryByText('李老师')).toBeNull())

    await user.click(within(panel()).getByRole('button', { name: '取消除外 赵六' }))
    expect(onValueChange.mock.lastCall?.[0].excluded).toEqual([])

    await user.click(within(panel()).getByRole('button', { name: '清空' }))
    expect(onValueChange.mock.lastCall?.[0]).toEqual({ departments: [], users: [], excluded: [] })
    expect(await within(panel()).findByText('尚未选择')).toBeVisible()
  })

  it('tells apart two chips that would read the same, in the chip, its button and its tooltip', () => {
    const student = (userid: string, klass: string) => ({
      type: 'user' as const,
      corpid: '890000',
      userid,
      role_id: Role.Student,
      name: '张三',
      path: `本部/一年级/${klass}`,
      id_path: ['3029000', '3029001'],
      school: '深圳市南山区第一实验学校',
    })
    renderPicker({
      defaultValue: {
        departments: [],
        users: [student('1', '一年级(1)班'), student('2', '一年级(2)班')],
        excluded: [],
      },
    })
    const chips = within(panel()).getAllByRole('listitem')
    expect(chips.map((chip) => chip.textContent)).toEqual([
      '学生张三一年级(1)班',
      '学生张三一年级(2)班',
    ])
    expect(within(panel()).getByRole('button', { name: '移除 张三（一年级(2)班）' })).toBeVisible()
    expect(chips[0]).toHaveAttribute(
      'title',
      '学生 张三 深圳市南山区第一实验学校 · 本部/一年级/一年级(1)班',
    )
    // The count of two people, not of the items: both are people.
    expect(within(panel()).getByRole('heading', { level: 2 })).toHaveTextContent('已选 约 2 人')
  })

  it('follows a controlled value and speaks English', () => {
    const { rerender } = renderPicker({ value: saved, locale: enUS })
    expect(within(panel()).getByText('1 department, 1 teacher, 1 parent, 1 excluded')).toBeVisible()
    expect(within(panel()).getByText('王五 · Parent of 张三, 李四')).toBeVisible()
    rerender({ value: { ...saved, users: [], excluded: [] } })
    expect(within(panel()).getByText('1 department')).toBeVisible()
    expect(within(panel()).queryByText(/王五/)).toBeNull()
  })
})
