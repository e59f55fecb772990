/** A school's 课程班, 教学班 and 虚拟组: groups drawn from the classes and the staff. */
import { AddressBookKind, NodeDepartmentType, Role, SelectTag } from '@epaas-picker/protocol'
import type { MockUser } from './Dataset.js'
import { courseClasses, virtualGroups } from './names.js'
import type { Pupils, School, Staff } from './schoolPlan.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** 课程班 and 教学班: students from several classes with one teacher. */
export function buildCourseClasses(school: School, staff: Staff, pupils: Pupils): void {
  const { b, plan, corpid, prng } = school
  const { course: courseGroup, teaching: teachingGroup } = school.groups
  const { allTeachers, teachersByGroup, teachersBySubject } = staff
  const { students, studentsByStage } = pupils
  const pickStudents = (pool: MockUser[], count: number) =>
    prng.shuffle(pool).slice(0, Math.min(count, pool.length))
  if (courseGroup) {
    const artsAndSports = ['体育组', '艺术组', '信息技术组'].flatMap(
      (g) => teachersByGroup.get(g) ?? [],
    )
    for (const name of prng.shuffle(courseClasses).slice(0, prng.int(4, 6))) {
      const department = b.department({
        corpid,
        name,
        parent: courseGroup,
        kind: SelectNodeKind.CourseClass,
        departmentType: NodeDepartmentType.CourseClass,
        tag: SelectTag.Class,
        addressBook: AddressBookKind.HomeSchool,
      })
      b.list(department, prng.pick(artsAndSports), Role.Teacher)
      for (const s of pickStudents(students, prng.int(15, 25))) b.list(department, s, Role.Student)
    }
  }
  if (teachingGroup) {
    const stageIndex = plan.stages.findIndex((s) => s.stage === '初中')
    const pool = studentsByStage[stageIndex] ?? students
    const bySubject = teachersBySubject[stageIndex]
    for (const [name, subject] of [
      ['数学拓展A班', '数学'],
      ['英语提高班', '英语'],
      ['物理分层B班', '物理'],
    ] as const) {
      const department = b.department({
        corpid,
        name,
        parent: teachingGroup,
        kind: SelectNodeKind.CourseClass,
        departmentType: NodeDepartmentType.TeachingClass,
        tag: SelectTag.Class,
        addressBook: AddressBookKind.HomeSchool,
      })
      const teachers = bySubject?.get(subject)?.teachers ?? allTeachers
      b.list(department, prng.pick(teachers), Role.Teacher)
      for (const s of pickStudents(pool, prng.int(28, 40))) b.list(department, s, Role.Student)
    }
  }
}

/** 虚拟组: 班主任群 and a few groups of teachers. */
export function buildVirtualGroups(school: School, staff: Staff, pupils: Pupils): void {
  const { b, corpid, prng } = school
  const virtualGroup = school.groups.virtual
  const { admins, allTeachers } = staff
  const { headTeachers } = pupils
  const virtual = (name: string, members: MockUser[]) => {
    const department = b.department({
      corpid,
      name,
      parent: virtualGroup,
      kind: SelectNodeKind.VirtualGroup,
      departmentType: NodeDepartmentType.VirtualGroup,
      addressBook: AddressBookKind.Internal,
    })
    for (const m of members) b.list(department, m, Role.Teacher)
  }
  virtual('班主任群', [...new Set(headTeachers)])
  for (const name of virtualGroups) {
    const members =
      name === '行政会'
        ? admins
        : allTeachers.filter(() => prng.chance(name === '党员教师' ? 0.25 : 0.3))
    virtual(name, members)
  }
}
