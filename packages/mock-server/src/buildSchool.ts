/**
 * One school: its groups, staff offices and subject groups, campuses, grades and classes with
 * teachers, students and parents (siblings and teacher-parents included), course and teaching
 * classes, virtual groups, a creator and a few disabled nodes.
 */
import {
  AddressBookKind,
  NodeDepartmentType,
  Role,
  SelectTag,
  type NodeDepartmentType as NodeDepartmentTypeValue,
  type SelectTag as SelectTagValue,
} from '@epaas-picker/protocol'
import type { MockDepartment, MockUser } from './Dataset.js'
import type { DatasetBuilder, Guardian } from './DatasetBuilder.js'
import {
  courseClasses,
  fullName,
  guardianSets,
  schoolOffices,
  surname,
  virtualGroups,
} from './names.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** Share of students who have a brother or sister in another class of the same school. */
const SIBLING_RATE = 0.08
/** Share of students one of whose parents teaches at the school. */
const TEACHER_PARENT_RATE = 0.01
/** Year the grade names count from (`2025级` is this year's first grade), fixed for determinism. */
const REFERENCE_YEAR = 2025

export type Stage = '小学' | '初中'

export interface StagePlan {
  stage: Stage
  classesPerGrade: number
  /** Students per class, inclusive range. */
  students: readonly [number, number]
}

export interface SchoolPlan {
  corpid: number
  name: string
  stages: StagePlan[]
  /** Campus names; grades are split between them in order. Empty: no campus level. */
  campuses: string[]
  courseClasses: boolean
  teachingClasses: boolean
}

/** Subjects of each stage: name, staff group, classes per teacher, and whether class lists show it. */
const subjects: Record<Stage, readonly (readonly [string, string, number, boolean])[]> = {
  小学: [
    ['语文', '语文组', 2, true],
    ['数学', '数学组', 2, true],
    ['英语', '英语组', 3, true],
    ['科学', '科学组', 5, true],
    ['体育', '体育组', 5, false],
    ['音乐', '艺术组', 6, false],
    ['美术', '艺术组', 6, false],
    ['信息技术', '信息技术组', 9, false],
  ],
  初中: [
    ['语文', '语文组', 2, true],
    ['数学', '数学组', 2, true],
    ['英语', '英语组', 2, true],
    ['物理', '物理组', 4, true],
    ['道德与法治', '道德与法治组', 5, false],
    ['历史', '历史组', 5, false],
    ['地理', '地理组', 6, false],
    ['生物', '生物组', 6, false],
    ['体育', '体育组', 5, false],
    ['音乐', '艺术组', 8, false],
    ['美术', '艺术组', 8, false],
    ['信息技术', '信息技术组', 9, false],
  ],
}

/** Display order of the subject groups under 教职工. */
const subjectGroupOrder = [
  '语文组',
  '数学组',
  '英语组',
  '科学组',
  '物理组',
  '道德与法治组',
  '历史组',
  '地理组',
  '生物组',
  '体育组',
  '艺术组',
  '信息技术组',
]

const gradeNames: Record<Stage, readonly string[]> = {
  小学: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
  初中: ['七年级', '八年级', '九年级'],
}

/** Builds one school under `parent` (the bureau's root) or as the top organisation. */
export function buildSchool(
  b: DatasetBuilder,
  plan: SchoolPlan,
  parent: MockDepartment | null,
): void {
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

  // 学生 -> (校区) -> 年级 -> 班级.
  const grades = plan.stages.flatMap((s, stageIndex) =>
    gradeNames[s.stage].map((name, gradeIndex) => ({ stage: s, stageIndex, name, gradeIndex })),
  )
  const campuses = plan.campuses.map((name) =>
    b.department({
      corpid,
      name,
      parent: studentsGroup,
      kind: SelectNodeKind.Campus,
      departmentType: NodeDepartmentType.Student,
      tag: SelectTag.Campus,
      addressBook: AddressBookKind.HomeSchool,
    }),
  )
  const headTeachers: MockUser[] = []
  const classes: MockDepartment[] = []
  const students: MockUser[] = []
  const studentsByStage: MockUser[][] = plan.stages.map(() => [])
  const guardiansOf = new Map<number, Guardian[]>()
  const hasSibling = new Set<number>()
  const teacherParents = new Set<number>()
  const stageClassIndex = plan.stages.map(() => 0)

  grades.forEach((grade, index) => {
    const campus = campuses.length
      ? campuses[Math.floor((index * campuses.length) / grades.length)]
      : undefined
    const gradeName = `${REFERENCE_YEAR - grade.gradeIndex}级`
    const gradeDepartment = b.department({
      corpid,
      name: grade.name,
      parent: campus ?? studentsGroup,
      kind: SelectNodeKind.Grade,
      departmentType: NodeDepartmentType.Student,
      tag: SelectTag.Grade,
      gradeName,
      orgAttributeName: grade.stage.stage,
      addressBook: AddressBookKind.HomeSchool,
    })
    for (let n = 1; n <= grade.stage.classesPerGrade; n++) {
      const classDepartment = b.department({
        corpid,
        name: `${grade.name}(${n})班`,
        parent: gradeDepartment,
        kind: SelectNodeKind.Class,
        departmentType: NodeDepartmentType.Student,
        tag: SelectTag.Class,
        gradeName,
        orgAttributeName: grade.stage.stage,
        addressBook: AddressBookKind.HomeSchool,
      })
      classes.push(classDepartment)
      const classIndex = stageClassIndex[grade.stageIndex] ?? 0
      stageClassIndex[grade.stageIndex] = classIndex + 1
      const bySubject = teachersBySubject[grade.stageIndex] as Map<
        string,
        { teachers: MockUser[]; perTeacher: number }
      >
      // Teachers of the class first, as the address book shows them; the head teacher teaches
      // 语文 in odd classes and 数学 in even ones.
      for (const [subject, , , listed] of subjects[grade.stage.stage]) {
        if (!listed) continue
        const { teachers, perTeacher } = bySubject.get(subject) as {
          teachers: MockUser[]
          perTeacher: number
        }
        const t = teachers[Math.floor(classIndex / perTeacher)] as MockUser
        b.list(classDepartment, t, Role.Teacher)
        if (subject === (n % 2 === 1 ? '语文' : '数学')) headTeachers.push(t)
      }

      const size = prng.int(grade.stage.students[0], grade.stage.students[1])
      const classStudents: MockUser[] = []
      const classGuardians: Guardian[][] = []
      for (let i = 0; i < size; i++) {
        // A brother or sister already in another class of this school: same family, same parents.
        const stageStudents = studentsByStage[grade.stageIndex] as MockUser[]
        let sibling: MockUser | undefined
        if (students.length > 40 && prng.chance(SIBLING_RATE)) {
          const candidate = prng.pick(students)
          const candidateClass = candidate.listings[0]?.departmentId
          if (!hasSibling.has(candidate.userid) && candidateClass !== classDepartment.id) {
            sibling = candidate
          }
        }
        let guardians: Guardian[]
        let family: string
        if (sibling) {
          guardians = guardiansOf.get(sibling.userid) as Guardian[]
          family = sibling.name.slice(0, surnameLength(sibling.name))
          hasSibling.add(sibling.userid)
        } else {
          family = surname(prng)
          guardians = []
        }
        const student = b.user(corpid, fullName(prng, 'child', family), Role.Student)
        b.list(classDepartment, student, Role.Student)
        if (sibling) hasSibling.add(student.userid)
        if (!sibling) {
          const relations = prng.weighted(guardianSets)
          const teacherSlot =
            prng.chance(TEACHER_PARENT_RATE) && relations.length > 0
              ? prng.int(0, relations.length - 1)
              : -1
          relations.forEach((relation, slot) => {
            if (slot === teacherSlot) {
              const t = prng.pick(allTeachers)
              if (!teacherParents.has(t.userid)) {
                teacherParents.add(t.userid)
                guardians.push({ user: t, relation })
                return
              }
            }
            const sameFamily = relation === '爸爸' || relation === '爷爷'
            const name = fullName(prng, 'adult', sameFamily ? family : undefined)
            guardians.push({ user: b.user(corpid, name, Role.Parent), relation })
          })
        }
        guardiansOf.set(student.userid, guardians)
        classStudents.push(student)
        classGuardians.push(guardians)
        students.push(student)
        stageStudents.push(student)
      }
      // Parents after the students, each once per child.
      classStudents.forEach((student, i) => {
        for (const guardian of classGuardians[i] as Guardian[]) {
          b.listParent(classDepartment, guardian, student)
        }
      })
    }
  })

  // 课程班 and 教学班: students from several classes with one teacher.
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

  // 虚拟组: 班主任群 and a few groups of teachers.
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

/** Surnames in the tables are one character except a few compound ones. */
function surnameLength(name: string): number {
  return name.startsWith('欧阳') || name.startsWith('司马') ? 2 : 1
}
