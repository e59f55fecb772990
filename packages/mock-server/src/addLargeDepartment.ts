/**
 * An optional department far larger than anything a real school has, for benchmarks: one node
 * with thousands of children, and one department with tens of thousands of descendants.
 */
import { NodeDepartmentType, Role } from '@epaas-picker/protocol'
import type { MockDepartment } from './Dataset.js'
import type { DatasetBuilder } from './DatasetBuilder.js'
import { fullName } from './names.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** Shape of the large department added by `generateDataset(kind, seed, { largeDepartment })`. */
export interface LargeDepartmentOptions {
  /** Number of sub-departments (`基准测试1组`, `基准测试2组`, ...). At least 1. */
  groups: number
  /** Teachers listed in each sub-department. At least 0. */
  people: number
}

/** Name of the added department. */
export const LARGE_DEPARTMENT_NAME = '基准测试部'

/**
 * Adds {@link LARGE_DEPARTMENT_NAME} as the last department of the top organisation's staff group
 * (局内职工 in `district`, 教职工 in `small`), with `groups` sub-departments of `people` new
 * teachers each. Runs after everything else is generated, so every other node keeps its ID,
 * name and mappings.
 */
export function addLargeDepartment(b: DatasetBuilder, options: LargeDepartmentOptions): void {
  if (!Number.isInteger(options.groups) || options.groups < 1)
    throw new RangeError('largeDepartment.groups must be an integer of at least 1')
  if (!Number.isInteger(options.people) || options.people < 0)
    throw new RangeError('largeDepartment.people must be a non-negative integer')
  const top = b.organizations[0]
  const root = b.departments.find((d) => d.id === top?.rootId)
  const staffGroup = b.departments.find(
    (d) =>
      d.parentId === root?.id &&
      d.kind === SelectNodeKind.Group &&
      (d.departmentType === NodeDepartmentType.Staff ||
        d.departmentType === NodeDepartmentType.ParentOrganization),
  )
  if (!top || !staffGroup) throw new Error('the dataset has no staff group to extend')
  const spec = (name: string, parent: MockDepartment) => ({
    corpid: top.corpid,
    name,
    parent,
    kind: SelectNodeKind.StaffDepartment,
    departmentType: staffGroup.departmentType,
    addressBook: staffGroup.addressBook,
  })
  const department = b.department(spec(LARGE_DEPARTMENT_NAME, staffGroup))
  for (let g = 1; g <= options.groups; g++) {
    const group = b.department(spec(`基准测试${g}组`, department))
    for (let i = 0; i < options.people; i++) {
      b.list(group, b.user(top.corpid, fullName(b.prng, 'adult'), Role.Teacher), Role.Teacher)
    }
  }
}
