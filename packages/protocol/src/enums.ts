/**
 * The enumerations of the ePaaS pages, each with its Chinese and English label.
 * Values are the numbers the API sends and expects.
 */

/** A label in each language the project ships. */
export interface Label {
  'zh-CN': string
  'en-US': string
}

/** Languages with built-in labels. */
export type Locale = keyof Label

const label = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en })

/** Roles (角色类型): `role_id`, `select_role_list`, `role_ids`. */
export const Role = { Student: 11, Teacher: 12, Parent: 13 } as const
export type Role = (typeof Role)[keyof typeof Role]
export const roleLabels: Record<Role, Label> = {
  11: label('学生', 'Student'),
  12: label('老师', 'Teacher'),
  13: label('家长', 'Parent'),
}

/** Department types a `/campus/department/select` request may ask for (`department_type_list`). */
export const DepartmentType = {
  Student: 1,
  Staff: 2,
  Alumni: 4,
  RetiredTeacher: 5,
  TemporaryGroup: 6,
  VirtualGroup: 7,
  CourseClass: 8,
  BureauStaff: 9,
  TeachingClass: 10,
  VirtualOrganization: 14,
} as const
export type DepartmentType = (typeof DepartmentType)[keyof typeof DepartmentType]
export const departmentTypeLabels: Record<DepartmentType, Label> = {
  1: label('学生', 'Students'),
  2: label('教职工', 'Staff'),
  4: label('校友', 'Alumni'),
  5: label('退休老师', 'Retired teachers'),
  6: label('临时架构组', 'Temporary groups'),
  7: label('虚拟组', 'Virtual groups'),
  8: label('课程班', 'Course classes'),
  9: label('局内职工', 'Bureau staff'),
  10: label('教学班', 'Teaching classes'),
  14: label('虚拟机构', 'Virtual organizations'),
}

/** The `department_type` of a node in a `/campus/department/select` answer. */
export const NodeDepartmentType = {
  School: 0,
  Student: 1,
  Staff: 2,
  Alumni: 4,
  RetiredTeacher: 5,
  TemporaryGroup: 6,
  VirtualGroup: 7,
  CourseClass: 8,
  ParentOrganization: 9,
  TeachingClass: 10,
  ParentOrganizationRoot: 11,
  SchoolOperators: 12,
  BureauOperators: 13,
  VirtualOrganization: 14,
} as const
export type NodeDepartmentType = (typeof NodeDepartmentType)[keyof typeof NodeDepartmentType]
export const nodeDepartmentTypeLabels: Record<NodeDepartmentType, Label> = {
  0: label('学校', 'School'),
  1: label('学生', 'Students'),
  2: label('教职工', 'Staff'),
  4: label('校友(毕业生)', 'Alumni'),
  5: label('退休老师', 'Retired teachers'),
  6: label('临时组', 'Temporary group'),
  7: label('虚拟组', 'Virtual group'),
  8: label('课程班', 'Course class'),
  9: label('上级单位', 'Parent organization'),
  10: label('教学班', 'Teaching class'),
  11: label('上级单位根节点', 'Parent organization root'),
  12: label('学校运营人员', 'School operators'),
  13: label('教育局运营人员', 'Bureau operators'),
  14: label('虚拟机构', 'Virtual organization'),
}

/** Class tags (`select_tag_list`): which tagged departments, or their members, may be ticked. */
export const SelectTag = {
  Student: 1,
  Division: 2,
  College: 3,
  Grade: 4,
  Class: 5,
  Department: 6,
  Major: 7,
  AcademicYear: 8,
  Term: 9,
  Campus: 10,
} as const
export type SelectTag = (typeof SelectTag)[keyof typeof SelectTag]
export const selectTagLabels: Record<SelectTag, Label> = {
  1: label('学生', 'Student'),
  2: label('学部', 'Division'),
  3: label('学院', 'College'),
  4: label('年级', 'Grade'),
  5: label('班级', 'Class'),
  6: label('系别', 'Department'),
  7: label('专业', 'Major'),
  8: label('学年', 'Academic year'),
  9: label('学期', 'Term'),
  10: label('校区', 'Campus'),
}

/** `id_type` of a node: a user or a department. */
export const IdType = { User: 1, Department: 2 } as const
export type IdType = (typeof IdType)[keyof typeof IdType]

/** `select_type`: what may be ticked. */
export const SelectType = { Any: 0, UsersOnly: 1, DepartmentsOnly: 2 } as const
export type SelectType = (typeof SelectType)[keyof typeof SelectType]

/** `search_type`: how `key` is matched. */
export const SearchType = { Name: 0, PhoneOrName: 3 } as const
export type SearchType = (typeof SearchType)[keyof typeof SearchType]

/** WeCom address-book kind (`qywechat_department_type`) and DingTalk's (`dingtalk_depart_type`). */
export const AddressBookKind = { Internal: 1, HomeSchool: 2 } as const
export type AddressBookKind = (typeof AddressBookKind)[keyof typeof AddressBookKind]
export const addressBookKindLabels: Record<AddressBookKind, Label> = {
  1: label('内部通讯录', 'Internal address book'),
  2: label('家校通讯录', 'Home-school address book'),
}
