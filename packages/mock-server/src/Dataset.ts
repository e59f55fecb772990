/**
 * The shape of the mock's generated data: organisations, departments, people and their listings,
 * with the indexes every request uses (maps by ID, children lists). Read-only once generated;
 * a mock never changes it, so one dataset can back many mocks.
 */
import type { AddressBookKind, NodeDepartmentType, Role, SelectTag } from '@epaas-picker/protocol'
import type { SelectNodeKind } from './SelectNodeKind.js'

/** Which built-in dataset. */
export type DatasetKind = 'small' | 'district'

/** An organisation (机构): a school, or the education bureau. */
export interface MockOrganization {
  /** Numeric corpid, e.g. `890000`. */
  corpid: number
  name: string
  /** ID of the organisation's root department. */
  rootId: number
  /** The bureau above a school in `district`; `null` for the top organisation. */
  parentCorpid: number | null
  /** Schools under a bureau. */
  subOrgCorpids: number[]
  /** The WeCom plain corpid (`get_qywx_corpid`). */
  qywxCorpid: string
  /** The DingTalk corpid and app ID (`get_dingtalk_token`). */
  dingtalkCorpid: string
  dingtalkAppId: string
}

/** A person listed under a department: one row of the address book. */
export interface MockMember {
  userid: number
  role: Role
  /** For a parent (role 13): the child this row is about; `0` otherwise. */
  childId: number
  childName: string
  /** 爸爸, 妈妈, 爷爷, ... for parents; `''` otherwise. */
  childRelation: string
}

/** A department: an organisation root, a group, a campus, grade, class, office or virtual group. */
export interface MockDepartment {
  id: number
  corpid: number
  name: string
  /** `0` for the top root; a school's root has the bureau's root as parent in `district`. */
  parentId: number
  kind: SelectNodeKind
  /** The node's `department_type`; descendants inherit their group's. */
  departmentType: NodeDepartmentType
  /** Class tag (`select_tag_list`): 1 学生 group, 10 campus, 4 grade, 5 class; `0` for none. */
  tag: SelectTag | 0
  gradeName: string
  orgAttributeName: string
  disabled: boolean
  /** Department IDs from the dataset's top root down to this one (inclusive). */
  idPath: number[]
  /** Name path as ePaaS shows it: below the group level, e.g. `一年级/一年级(1)班`. */
  path: string
  /** Child departments, in display order. */
  childIds: number[]
  /** People listed directly here, in display order (teachers, students, parents). */
  members: MockMember[]
  /** Which WeCom/DingTalk address book the department belongs to (1 internal, 2 home-school). */
  addressBook: AddressBookKind
  /** WeCom department ID (numeric, per organisation); `null` when unmapped. */
  qywechatId: number | null
  /** DingTalk department ID (numeric, unique); `null` when unmapped. */
  dingtalkId: number | null
}

/** Where a person is listed: a department, with the role and child of that row. */
export interface MockListing {
  departmentId: number
  role: Role
  childId: number
}

/** A person (teacher, student or parent; a teacher can also be a parent). */
export interface MockUser {
  /** 8-digit numeric user ID. */
  userid: number
  corpid: number
  name: string
  /** Unique 11-digit mobile number. */
  phone: string
  /** Roles the person holds, in the order first seen. */
  roles: Role[]
  /** The organisation's creator, hidden by `hide_creator`. */
  creator: boolean
  disabled: boolean
  /** Every row showing this person, first the "home" one (a teacher's office, a student's class). */
  listings: MockListing[]
  /** WeCom user ID (`SC_...`); `null` when unmapped. */
  qywechatId: string | null
  /** DingTalk user ID and unionid; `null` when unmapped. */
  dingtalkId: string | null
  dingtalkUnionid: string | null
}

/** Generated data with its indexes. */
export interface Dataset {
  kind: DatasetKind
  seed: number
  /** The top organisation: the school (`small`) or the bureau (`district`). */
  topCorpid: number
  organizations: MockOrganization[]
  departments: MockDepartment[]
  users: MockUser[]
  organizationByCorpid: ReadonlyMap<number, MockOrganization>
  departmentById: ReadonlyMap<number, MockDepartment>
  userById: ReadonlyMap<number, MockUser>
  userByPhone: ReadonlyMap<string, MockUser>
  /** WeCom department ID -> departments (WeCom IDs repeat across organisations). */
  departmentsByQywechatId: ReadonlyMap<number, MockDepartment[]>
  departmentByDingtalkId: ReadonlyMap<number, MockDepartment>
  userByQywechatId: ReadonlyMap<string, MockUser>
  userByDingtalkId: ReadonlyMap<string, MockUser>
}
