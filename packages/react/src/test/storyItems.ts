/**
 * Value items from the mock's data, as an app would have saved them (with their labels): for the
 * stories and tests of locked, disabled and revealed items.
 */
import type { Dataset, MockDepartment } from '@epaas-picker/mock-server'
import { Role, type SelectedDepartment, type SelectedUser } from '@epaas-picker/protocol'

/** The department named `name` (the first one, in data order). */
export function departmentNamed(data: Dataset, name: string): MockDepartment {
  const found = data.departments.find((d) => d.name === name)
  if (!found) throw new Error(`no department ${name}`)
  return found
}

/** A department as a value item. */
export function departmentItem(department: MockDepartment): SelectedDepartment {
  return {
    type: 'department',
    corpid: String(department.corpid),
    id: String(department.id),
    name: department.name,
    path: department.path,
    id_path: department.idPath.map(String),
  }
}

/** The `index`th member of a department with `role`, as a value item. */
export function memberItem(
  data: Dataset,
  department: MockDepartment,
  role: Role = Role.Teacher,
  index = 0,
): SelectedUser {
  const member = department.members.filter((m) => m.role === role)[index]
  if (!member) throw new Error(`no member ${index} with role ${role} in ${department.name}`)
  const user = data.userById.get(member.userid)!
  return {
    type: 'user',
    corpid: String(department.corpid),
    userid: String(user.userid),
    role_id: role,
    name: user.name,
    path: department.path,
    id_path: department.idPath.map(String),
  }
}
