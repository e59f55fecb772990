/** A school's staff: the offices under 教职工, the subject groups and their teachers. */
import { AddressBookKind, NodeDepartmentType, Role } from '@epaas-picker/protocol'
import type { MockDepartment, MockUser } from './Dataset.js'
import { fullName, schoolOffices } from './names.js'
import { gradeNames, subjectGroupOrder, subjects, type School, type Staff } from './schoolPlan.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** The offices' staff first (a teacher's first listing is an office or subject group), then the subject teachers. */
export function buildStaff(school: School): Staff {
  const { b, plan, corpid, prng } = school
  const staffGroup = school.groups.staff
  const staffDepartment = (name: string) =>
    b.department({
      corpid,
      name,
      parent: staffGroup,
      kind: SelectNodeKind.StaffDepartment,
      departmentType: NodeDepartmentType.Staff,
      addressBook: AddressBookKind.Internal,
    })
  const teacher = (department: MockDepartment) => {
    const user = b.user(corpid, fullName(prng, 'adult'), Role.Teacher)
    b.list(department, user, Role.Teacher)
    return user
  }

  // Offices first, so that a teacher's first listing (the "home" row) is an office or subject group.
  const admins: MockUser[] = []
  for (const office of schoolOffices) {
    const department = staffDepartment(office)
    const size = office === '校长室' ? prng.int(2, 3) : prng.int(3, 5)
    for (let i = 0; i < size; i++) admins.push(teacher(department))
  }

  // Classes per stage, so that subject teachers can be counted before they are created.
  const stageClassCounts = plan.stages.map((s) => s.classesPerGrade * gradeNames[s.stage].length)
  const usedGroups = new Set<string>()
  plan.stages.forEach((s) => subjects[s.stage].forEach(([, g]) => usedGroups.add(g)))
  const subjectDepartments = new Map<string, MockDepartment>()
  for (const name of subjectGroupOrder) {
    if (usedGroups.has(name)) subjectDepartments.set(name, staffDepartment(name))
  }
  // teachersBySubject[stage index][subject] = teachers, each taking `perTeacher` classes in order.
  const allTeachers: MockUser[] = [...admins]
  const teachersByGroup = new Map<string, MockUser[]>()
  const teachersBySubject = plan.stages.map((s, i) => {
    const bySubject = new Map<string, { teachers: MockUser[]; perTeacher: number }>()
    for (const [subject, groupName, perTeacher] of subjects[s.stage]) {
      const count = Math.ceil((stageClassCounts[i] ?? 0) / perTeacher)
      const department = subjectDepartments.get(groupName) as MockDepartment
      const teachers = Array.from({ length: count }, () => teacher(department))
      allTeachers.push(...teachers)
      teachersByGroup.set(groupName, [...(teachersByGroup.get(groupName) ?? []), ...teachers])
      bySubject.set(subject, { teachers, perTeacher })
    }
    return bySubject
  })
  return { admins, allTeachers, teachersByGroup, teachersBySubject }
}
