/**
 * One school: its groups, staff offices and subject groups, campuses, grades and classes with
 * teachers, students and parents (siblings and teacher-parents included), course and teaching
 * classes, virtual groups, a creator and a few disabled nodes.
 */
import {
  AddressBookKind,
  NodeDepartmentType,
  SelectTag,
  type NodeDepartmentType as NodeDepartmentTypeValue,
  type SelectTag as SelectTagValue,
} from '@epaas-picker/protocol'
import type { MockDepartment } from './Dataset.js'
import type { DatasetBuilder } from './DatasetBuilder.js'
import { buildClasses } from './schoolClasses.js'
import { buildCourseClasses, buildVirtualGroups } from './schoolGroups.js'
import type { Pupils, School, SchoolPlan, Staff } from './schoolPlan.js'
import { buildStaff } from './schoolStaff.js'
import { SelectNodeKind } from './SelectNodeKind.js'

export type { SchoolPlan, Stage, StagePlan } from './schoolPlan.js'

/**
 * Builds one school under `parent` (the bureau's root) or as the top organisation, part after
 * part in a fixed order (every part draws from the same generator, so the order is the data).
 */
export function buildSchool(
  b: DatasetBuilder,
  plan: SchoolPlan,
  parent: MockDepartment | null,
): void {
  const school = schoolRoot(b, plan, parent)
  const staff = buildStaff(school)
  const pupils = buildClasses(school, staff)
  buildCourseClasses(school, staff, pupils)
  buildVirtualGroups(school, staff, pupils)
  finishSchool(school, staff, pupils)
}

/** The school's organisation, its root department and the groups under it. */
function schoolRoot(b: DatasetBuilder, plan: SchoolPlan, parent: MockDepartment | null): School {
  const { prng } = b
  const { corpid } = plan
  const org = b.organization(corpid, plan.name, parent ? parent.corpid : null)
  const root = b.department({
    corpid,
    name: plan.name,
    parent,
    kind: SelectNodeKind.Organization,
    departmentType: NodeDepartmentType.School,
    addressBook: AddressBookKind.Internal,
  })
  org.rootId = root.id

  const group = (name: string, departmentType: NodeDepartmentTypeValue, tag: SelectTagValue | 0) =>
    b.department({
      corpid,
      name,
      parent: root,
      kind: SelectNodeKind.Group,
      departmentType,
      tag,
      addressBook:
        departmentType === NodeDepartmentType.Staff ||
        departmentType === NodeDepartmentType.VirtualGroup
          ? AddressBookKind.Internal
          : AddressBookKind.HomeSchool,
    })
  const studentsGroup = group('学生', NodeDepartmentType.Student, SelectTag.Student)
  const staffGroup = group('教职工', NodeDepartmentType.Staff, 0)
  const virtualGroup = group('虚拟组', NodeDepartmentType.VirtualGroup, 0)
  const courseGroup = plan.courseClasses ? group('课程班', NodeDepartmentType.CourseClass, 0) : null
  const teachingGroup = plan.teachingClasses
    ? group('教学班', NodeDepartmentType.TeachingClass, 0)
    : null
  return {
    b,
    plan,
    corpid,
    prng,
    root,
    groups: {
      students: studentsGroup,
      staff: staffGroup,
      virtual: virtualGroup,
      course: courseGroup,
      teaching: teachingGroup,
    },
  }
}

/** Unmapped departments, the creator and the disabled nodes every school has. */
function finishSchool(school: School, staff: Staff, pupils: Pupils): void {
  const { b, corpid, prng, root } = school
  const { admins, allTeachers } = staff
  const { classes, students } = pupils
  // Small schools could draw no unmapped department at 5%; every school has one on each platform.
  const own = b.departments.filter((d) => d.corpid === corpid && d !== root)
  if (own.every((d) => d.qywechatId !== null)) prng.pick(own).qywechatId = null
  if (own.every((d) => d.dingtalkId !== null)) prng.pick(own).dingtalkId = null

  // The creator (hidden by hide_creator), a disabled class and two disabled people.
  const creator = prng.pick(admins.slice(2))
  creator.creator = true
  const disabledClass = prng.pick(classes)
  disabledClass.disabled = true
  prng.pick(students).disabled = true
  prng.pick(allTeachers.filter((t) => !t.creator)).disabled = true
}
