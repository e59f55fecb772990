import { describe, expect, it } from 'vitest'
import { department as departmentNode, person } from '../test/nodes.js'
import { chipLabel, itemFromNode, parentRelationLabel } from './labels.js'
import type { SelectionItem } from './selection/selection.js'

const parentOfTwo: SelectionItem = {
  type: 'user',
  userid: 'p1',
  corpid: 'c1',
  role_id: 13,
  name: '王五',
  path: '一年级/一年级(1)班/家长',
  id_path: ['1', '11'],
  children: [
    { child_id: 's1', child_name: '张三', child_relation: '爸爸' },
    { child_id: 's2', child_name: '李四', child_relation: '爸爸' },
  ],
}

const department: SelectionItem = {
  type: 'department',
  id: 'd1',
  corpid: 'c1',
  name: '一年级(1)班',
  path: '一年级/一年级(1)班',
  id_path: ['1', '11'],
}

describe('chipLabel', () => {
  it('names a parent with the children, in a locale', () => {
    expect(chipLabel(parentOfTwo)).toBe('王五 · 张三、李四的家长')
    expect(chipLabel(parentOfTwo, 'en-US')).toBe('王五 · Parent of 张三, 李四')
  })

  it('words the relation with a function of the children (a view’s own texts)', () => {
    const relation = (children: readonly { child_name: string }[]) =>
      `${children.length} 个孩子的家长`
    expect(chipLabel(parentOfTwo, relation)).toBe('王五 · 2 个孩子的家长')
    expect(chipLabel(department, relation)).toBe('一年级(1)班')
  })

  it('is the bare name of someone who is not a parent with a known child', () => {
    expect(chipLabel({ ...parentOfTwo, children: [] })).toBe('王五')
    expect(parentRelationLabel([])).toBeUndefined()
  })
})

describe('itemFromNode', () => {
  it("writes a department's has_sub_org, true or false, for resolve to read", () => {
    const bureau = departmentNode('1', undefined, { department_type: 11, has_sub_org: true })
    const office = departmentNode('2', bureau, { department_type: 9, has_sub_org: false })
    expect(itemFromNode(bureau)).toEqual({
      type: 'department',
      id: '1',
      corpid: '890000',
      name: 'dept 1',
      path: '',
      id_path: ['1'],
      department_type: 11,
      select_node_type: 1,
      has_sub_org: true,
    })
    expect(itemFromNode(office)).toMatchObject({ type: 'department', has_sub_org: false })
    expect(Object.keys(itemFromNode(office))).toContain('has_sub_org')
  })

  it('writes no has_sub_org for a person', () => {
    const teacher = person('30010001', departmentNode('1'), { role_id: 12 })
    expect(itemFromNode(teacher)).not.toHaveProperty('has_sub_org')
  })
})
