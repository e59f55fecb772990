/** A school's 学生 group: campuses, grades and classes, each with its teachers, students and parents. */
import { AddressBookKind, NodeDepartmentType, Role, SelectTag } from '@epaas-picker/protocol'
import type { MockDepartment, MockUser } from './Dataset.js'
import type { Guardian } from './DatasetBuilder.js'
import { fullName, guardianSets, surname } from './names.js'
import {
  gradeNames,
  REFERENCE_YEAR,
  SIBLING_RATE,
  subjects,
  surnameLength,
  TEACHER_PARENT_RATE,
  type Pupils,
  type School,
  type StagePlan,
  type Staff,
} from './schoolPlan.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** What the classes of one school share while they are built: who is whose, so far. */
interface ClassesInProgress extends Pupils {
  guardiansOf: Map<number, Guardian[]>
  hasSibling: Set<number>
  teacherParents: Set<number>
  stageClassIndex: number[]
}

/** A grade of the plan: its stage and its place. */
interface GradePlan {
  stage: StagePlan
  stageIndex: number
  name: string
  gradeIndex: number
}

/** 学生 -> (校区) -> 年级 -> 班级, grade after grade. */
export function buildClasses(school: School, staff: Staff): Pupils {
  const { b, plan, corpid } = school
  const studentsGroup = school.groups.students
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
  const progress: ClassesInProgress = {
    headTeachers,
    classes,
    students,
    studentsByStage,
    guardiansOf,
    hasSibling,
    teacherParents,
    stageClassIndex,
  }

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
      buildClass(school, staff, progress, grade, gradeDepartment, gradeName, n)
    }
  })
  return { headTeachers, classes, students, studentsByStage }
}

/** Class `n` of a grade: its teachers first, as the address book lists them, then its students and their parents. */
function buildClass(
  school: School,
  staff: Staff,
  progress: ClassesInProgress,
  grade: GradePlan,
  gradeDepartment: MockDepartment,
  gradeName: string,
  n: number,
): void {
  const { b, corpid, prng } = school
  const { teachersBySubject } = staff
  const { headTeachers, classes, stageClassIndex } = progress
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
    const { student, guardians } = addStudent(school, staff, progress, grade, classDepartment)
    classStudents.push(student)
    classGuardians.push(guardians)
  }
  // Parents after the students, each once per child.
  classStudents.forEach((student, i) => {
    for (const guardian of classGuardians[i] as Guardian[]) {
      b.listParent(classDepartment, guardian, student)
    }
  })
}

/**
 * One student of a class, and their guardians: a sibling's (same family, same parents) now and
 * then, else a new family, one of whose parents may teach at the school.
 */
function addStudent(
  school: School,
  staff: Staff,
  progress: ClassesInProgress,
  grade: GradePlan,
  classDepartment: MockDepartment,
): { student: MockUser; guardians: Guardian[] } {
  const { b, corpid, prng } = school
  const { allTeachers } = staff
  const { students, studentsByStage, guardiansOf, hasSibling, teacherParents } = progress
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
  students.push(student)
  stageStudents.push(student)
  return { student, guardians }
}
