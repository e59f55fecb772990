/**
 * The mock's `select_node_type` values: one per kind of node. Upstream's values are opaque; the
 * mock gives each kind its own number so that a client which does not echo the value of the node
 * it expands is caught (the mock checks it and answers errcode 40058).
 */
export const SelectNodeKind = {
  /** The root of the token's own organisation (a school, or the bureau in `district`). */
  Organization: 1,
  /** A sub-organisation (a school under the bureau); expanding it needs its `corpid`. */
  SubOrganization: 2,
  /** A department-type group under a root: 学生, 教职工, 虚拟组, 课程班, 教学班, 局内职工. */
  Group: 3,
  /** A campus (校区, tag 10) under 学生. */
  Campus: 4,
  /** A grade (年级, tag 4). */
  Grade: 5,
  /** A class (班级, tag 5). */
  Class: 6,
  /** A staff department (教务处, 语文组, 局办公室, ...). */
  StaffDepartment: 7,
  /** A virtual group (班主任群, 党员教师, ...). */
  VirtualGroup: 8,
  /** A course class (课程班) or teaching class (教学班). */
  CourseClass: 9,
  /** A person. People cannot be expanded. */
  Person: 10,
} as const

/** One of the {@link SelectNodeKind} values. */
export type SelectNodeKind = (typeof SelectNodeKind)[keyof typeof SelectNodeKind]

/** The English name of each kind, for messages and docs. */
export const selectNodeKindNames: Record<SelectNodeKind, string> = {
  1: 'organization',
  2: 'sub-organization',
  3: 'group',
  4: 'campus',
  5: 'grade',
  6: 'class',
  7: 'staff department',
  8: 'virtual group',
  9: 'course class',
  10: 'person',
}
