/** What a school is made of, the tables its people are drawn from, and the parts of a school being built. */
import type { MockDepartment, MockUser } from './Dataset.js'
import type { DatasetBuilder } from './DatasetBuilder.js'
import type { Prng } from './prng.js'

/** Share of students who have a brother or sister in another class of the same school. */
export const SIBLING_RATE = 0.08
/** Share of students one of whose parents teaches at the school. */
export const TEACHER_PARENT_RATE = 0.01
/** Year the grade names count from (`2025级` is this year's first grade), fixed for determinism. */
export const REFERENCE_YEAR = 2025

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
export const subjects: Record<Stage, readonly (readonly [string, string, number, boolean])[]> = {
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
export const subjectGroupOrder = [
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

export const gradeNames: Record<Stage, readonly string[]> = {
  小学: ['一年级', '二年级', '三年级', '四年级', '五年级', '六年级'],
  初中: ['七年级', '八年级', '九年级'],
}

/** A school being built: its builder, plan and root, and the groups under the root. */
export interface School {
  b: DatasetBuilder
  plan: SchoolPlan
  corpid: number
  prng: Prng
  root: MockDepartment
  groups: {
    students: MockDepartment
    staff: MockDepartment
    virtual: MockDepartment
    course: MockDepartment | null
    teaching: MockDepartment | null
  }
}

/** The school's teachers: the offices' staff, and the subject teachers by group and by stage. */
export interface Staff {
  admins: MockUser[]
  allTeachers: MockUser[]
  teachersByGroup: Map<string, MockUser[]>
  /** `teachersBySubject[stage index][subject]`: teachers, each taking `perTeacher` classes in order. */
  teachersBySubject: Map<string, { teachers: MockUser[]; perTeacher: number }>[]
}

/** The school's classes and students, and the head teachers the classes were given. */
export interface Pupils {
  headTeachers: MockUser[]
  classes: MockDepartment[]
  students: MockUser[]
  studentsByStage: MockUser[][]
}

/** Surnames in the tables are one character except a few compound ones. */
export function surnameLength(name: string): number {
  return name.startsWith('欧阳') || name.startsWith('司马') ? 2 : 1
}
