/**
 * Request and response types of every endpoint, as this project's code sees them.
 *
 * Field names are the seed's (snake_case). At this edge three things are normalised:
 * - every ID (department, user, corp, WeCom, DingTalk) is a `string`, whatever upstream sent;
 * - arrays the upstream may omit are always present (`[]`);
 * - the camelCase oddities of the pages (`usersInfos`, `userInfos`, `roleId`, `dingtalk_appId`)
 *   get snake_case names like every other field.
 *
 * Requests accept IDs as strings (numbers work too); the client encodes each one the way the
 * seed shows it for that endpoint.
 */
import type {
  AddressBookKind,
  DepartmentType,
  IdType,
  NodeDepartmentType,
  Role,
  SearchType,
  SelectTag,
  SelectType,
} from './enums.js'

/** An ID as our API takes it. Numbers are accepted for convenience; strings are preferred. */
export type IdInput = string | number

/**
 * The opaque node kind of `/campus/department/select`. Each node carries one; expanding the node
 * must send it back unchanged.
 */
export type SelectNodeType = number | string

/** Every answer of ePaaS carries these. `errcode: 0` means success. */
export interface EpaasEnvelope {
  errcode: number
  errmsg: string
}

// ---------------------------------------------------------------------------------------------
// Tokens

export interface GetSuiteTokenRequest {
  suite_id: string
  suite_secret: string
  suite_ticket: string
}
export interface GetSuiteTokenResponse extends EpaasEnvelope {
  suite_access_token: string
  /** Lifetime in seconds (7200 upstream). */
  expires_in: number
}

export interface GetCorpTokenRequest {
  auth_corpid: IdInput
  permanent_code: string
}
export interface GetCorpTokenResponse extends EpaasEnvelope {
  access_token: string
  /** Lifetime in seconds (7200 upstream). */
  expires_in: number
}

// ---------------------------------------------------------------------------------------------
// Address book: /campus/department/select

export interface SelectDepartmentsRequest {
  /** Department to expand; `'0'` (the default) for the first request. */
  id?: IdInput
  /** Echo of the expanded node's `select_node_type`; absent on the first request. */
  select_node_type?: SelectNodeType
  /** Sub-organisation that owns the node being expanded. */
  corpid?: IdInput
  department_type_list?: DepartmentType[]
  select_type?: SelectType
  /** Name (substring) or phone number (exact) to search for. */
  key?: string
  search_type?: SearchType
  select_tag_list?: SelectTag[]
  select_role_list?: Role[]
  is_include_sub_org?: boolean
  is_show_root?: boolean
  is_get_all_student?: boolean
  hide_creator?: boolean
  need_users_total?: boolean
}

/** One node (department or person) of the address-book tree. */
export interface SelectNode {
  id: string
  id_type: IdType
  name: string
  corpid: string
  select_node_type: SelectNodeType
  parent_id: string
  /** Department path, e.g. `2010级/一班`. */
  path: string
  /** IDs from the root down to this node (inclusive for departments). */
  id_path: string[]
  /** Role of a person; `0` for departments. */
  role_id: Role | 0
  disabled: boolean
  /** Whether the node can be expanded. */
  is_parent: boolean
  /** For a parent (role 13): the child's user ID; `''` otherwise. */
  child_id: string
  child_name: string
  child_relation: string
  department_type: NodeDepartmentType
  grade_name: string
  org_attribute_name: string
  has_sub_org: boolean
  /** Members under the department; `0` unless `need_users_total` was sent. */
  users_total: number
}

export interface SelectDepartmentsResponse extends EpaasEnvelope {
  node_list: SelectNode[]
}

// ---------------------------------------------------------------------------------------------
// Members: /department/user/get

export interface OrgDepartments {
  /** Own or sub-organisation; the token's organisation when absent. */
  corpid?: IdInput
  department_ids: IdInput[]
}

export interface GetDepartmentUsersRequest {
  role_ids?: Role[]
  org_department_info_list: OrgDepartments[]
  hide_creator?: boolean
  /** `1` to receive each user's department list. */
  need_depart?: 0 | 1
}

export interface DepartmentUser {
  userid: string
  role_id: Role
  /** For a parent: the child's user ID; `''` otherwise. */
  child_id: string
  department_ids: string[]
}

export interface GetDepartmentUsersResponse extends EpaasEnvelope {
  user_infos: DepartmentUser[]
}

// ---------------------------------------------------------------------------------------------
// ePaaS -> WeCom

export interface GetQywechatDepartmentIdsRequest {
  department_ids: IdInput[]
}
export interface GetQywechatDepartmentIdsResponse extends EpaasEnvelope {
  qywechat_ids: { department_id: string; qywechat_id: string }[]
}

export interface GetQywechatUserIdsRequest {
  userids: IdInput[]
}
export interface GetQywechatUserIdsResponse extends EpaasEnvelope {
  qywechat_ids: { userid: string; qywechat_id: string }[]
}

// WeCom -> ePaaS

export interface GetDepartmentIdsByQywechatRequest {
  qywechat_ids: IdInput[]
  /** Which address book; all when absent. */
  qywechat_department_type?: AddressBookKind
}
export interface GetDepartmentIdsByQywechatResponse extends EpaasEnvelope {
  department_infos: {
    qywechat_id: string
    /** Empty when the WeCom department has no mapping. */
    departments: {
      /** `'0'` when the WeCom department maps to the organisation itself. */
      department_id: string
      corpid: string
      qywechat_department_type: AddressBookKind
    }[]
  }[]
}

export interface GetUserIdsByQywechatRequest {
  qywechat_ids: string[]
}
/** Upstream calls these `usersInfos[].userInfos[]`. */
export interface GetUserIdsByQywechatResponse extends EpaasEnvelope {
  users_infos: {
    qywechat_id: string
    /** One WeCom user may be several ePaaS users; empty when unknown. */
    user_infos: { corpid: string; userid: string; role_id: Role }[]
  }[]
}

export interface GetQywxCorpidResponse extends EpaasEnvelope {
  qywx_corpid: string
}

// ePaaS -> DingTalk

export interface GetDingtalkDepartmentIdsRequest {
  depart_ids: IdInput[]
}
/** Only found mappings are listed. */
export interface GetDingtalkDepartmentIdsResponse extends EpaasEnvelope {
  data_list: { depart_id: string; dingtalk_id: string }[]
}

export interface GetDingtalkUserIdsRequest {
  userids: IdInput[]
}
/** Only found mappings are listed. */
export interface GetDingtalkUserIdsResponse extends EpaasEnvelope {
  data_list: { userid: string; dingtalk_id: string; dingtalk_unionid: string }[]
}

/** Server-side only: this token must never reach a browser. Upstream calls the app ID `dingtalk_appId`. */
export interface GetDingtalkTokenResponse extends EpaasEnvelope {
  dingtalk_token: string
  /** Lifetime in seconds. */
  expires_in: number
  dingtalk_corpid: string
  dingtalk_app_id: string
}

// DingTalk -> ePaaS

export interface GetDepartmentIdsByDingtalkRequest {
  dingtalk_ids: IdInput[]
  dingtalk_depart_type: AddressBookKind
}
/** Only found mappings are listed. */
export interface GetDepartmentIdsByDingtalkResponse extends EpaasEnvelope {
  data_list: { dingtalk_id: string; depart_id: string }[]
}

export interface GetUserIdsByDingtalkRequest {
  dingtalk_ids: string[]
  role_id: Role
}
/** Only found mappings are listed. */
export interface GetUserIdsByDingtalkResponse extends EpaasEnvelope {
  data_list: { dingtalk_id: string; userid: string }[]
}

/** Request and response type of each endpoint, by name. */
export interface EndpointTypes {
  getSuiteToken: [GetSuiteTokenRequest, GetSuiteTokenResponse]
  getCorpToken: [GetCorpTokenRequest, GetCorpTokenResponse]
  selectDepartments: [SelectDepartmentsRequest, SelectDepartmentsResponse]
  getDepartmentUsers: [GetDepartmentUsersRequest, GetDepartmentUsersResponse]
  getQywechatDepartmentIds: [GetQywechatDepartmentIdsRequest, GetQywechatDepartmentIdsResponse]
  getQywechatUserIds: [GetQywechatUserIdsRequest, GetQywechatUserIdsResponse]
  getDepartmentIdsByQywechat: [
    GetDepartmentIdsByQywechatRequest,
    GetDepartmentIdsByQywechatResponse,
  ]
  getUserIdsByQywechat: [GetUserIdsByQywechatRequest, GetUserIdsByQywechatResponse]
  getQywxCorpid: [void, GetQywxCorpidResponse]
  getDingtalkDepartmentIds: [GetDingtalkDepartmentIdsRequest, GetDingtalkDepartmentIdsResponse]
  getDingtalkUserIds: [GetDingtalkUserIdsRequest, GetDingtalkUserIdsResponse]
  getDingtalkToken: [void, GetDingtalkTokenResponse]
  getDepartmentIdsByDingtalk: [
    GetDepartmentIdsByDingtalkRequest,
    GetDepartmentIdsByDingtalkResponse,
  ]
  getUserIdsByDingtalk: [GetUserIdsByDingtalkRequest, GetUserIdsByDingtalkResponse]
}
