/**
 * Normalisers: untrusted JSON from upstream in, the types of `types.ts` out.
 *
 * Every ID becomes a string whether upstream sent `30045889` or `"30045889"`; absent arrays become
 * `[]`; absent scalars take the zero value the seed documents. Anything of the wrong shape (an
 * object where an ID belongs, a string where a list belongs) throws {@link MalformedResponseError}
 * naming the field, so a bad answer fails here and not three components later.
 */
import type { EndpointName } from './endpoints.js'
import type { DepartmentUser, EndpointTypes, EpaasEnvelope, SelectNode } from './types.js'

/** A field of an answer does not have the type the endpoint promises. */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError'
  constructor(
    readonly field: string,
    expected: string,
    actual: unknown,
  ) {
    super(`${field}: expected ${expected}, got ${describe(actual)}`)
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`
}

type Json = Record<string, unknown>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads an ID: integer or string in, string out; absent becomes `''`. */
export function normalizeId(value: unknown, field = 'id'): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'bigint') return value.toString()
  throw new MalformedResponseError(field, 'an ID (number or string)', value)
}

/** Like {@link normalizeId}, but `0` / `"0"` (the seed's "none") also become `''`. */
function optionalId(value: unknown, field: string): string {
  const id = normalizeId(value, field)
  return id === '0' ? '' : id
}

function str(value: unknown, field: string): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  throw new MalformedResponseError(field, 'a string', value)
}

function num(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') return 0
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value)
  throw new MalformedResponseError(field, 'a number', value)
}

function bool(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value === 'boolean') return value
  if (value === 0 || value === 1) return value === 1
  throw new MalformedResponseError(field, 'a boolean', value)
}

function list<T>(value: unknown, field: string, item: (v: unknown, f: string) => T): T[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new MalformedResponseError(field, 'an array', value)
  return value.map((v, i) => item(v, `${field}[${i}]`))
}

function record(value: unknown, field: string): Json {
  if (!isRecord(value)) throw new MalformedResponseError(field, 'an object', value)
  return value
}

const idList = (value: unknown, field: string) => list(value, field, normalizeId)

/** Reads `errcode` and `errmsg`; throws if the body is not an ePaaS envelope. */
export function normalizeEnvelope(body: unknown): EpaasEnvelope {
  const json = record(body, 'body')
  if (typeof json.errcode !== 'number' && typeof json.errcode !== 'string') {
    throw new MalformedResponseError('errcode', 'a number', json.errcode)
  }
  return { errcode: num(json.errcode, 'errcode'), errmsg: str(json.errmsg, 'errmsg') }
}

/** Normalises one node of `/campus/department/select`. */
export function normalizeSelectNode(value: unknown, field = 'node'): SelectNode {
  const n = record(value, field)
  const f = (name: string) => `${field}.${name}`
  const selectNodeType = n.select_node_type
  if (typeof selectNodeType !== 'number' && typeof selectNodeType !== 'string') {
    throw new MalformedResponseError(f('select_node_type'), 'a number or string', selectNodeType)
  }
  return {
    id: normalizeId(n.id, f('id')),
    id_type: num(n.id_type, f('id_type')) as SelectNode['id_type'],
    name: str(n.name, f('name')),
    corpid: normalizeId(n.corpid, f('corpid')),
    select_node_type: selectNodeType,
    parent_id: normalizeId(n.parent_id, f('parent_id')),
    path: str(n.path, f('path')),
    id_path: idList(n.id_path, f('id_path')),
    role_id: num(n.role_id, f('role_id')) as SelectNode['role_id'],
    disabled: bool(n.disabled, f('disabled')),
    is_parent: bool(n.is_parent, f('is_parent')),
    child_id: optionalId(n.child_id, f('child_id')),
    child_name: str(n.child_name, f('child_name')),
    child_relation: str(n.child_relation, f('child_relation')),
    department_type: num(n.department_type, f('department_type')) as SelectNode['department_type'],
    grade_name: str(n.grade_name, f('grade_name')),
    org_attribute_name: str(n.org_attribute_name, f('org_attribute_name')),
    has_sub_org: bool(n.has_sub_org, f('has_sub_org')),
    users_total: num(n.users_total, f('users_total')),
  }
}

function normalizeDepartmentUser(value: unknown, field: string): DepartmentUser {
  const u = record(value, field)
  return {
    userid: normalizeId(u.userid, `${field}.userid`),
    role_id: num(u.roleId ?? u.role_id, `${field}.roleId`) as DepartmentUser['role_id'],
    child_id: optionalId(u.child_id, `${field}.child_id`),
    department_ids: idList(u.department_ids, `${field}.department_ids`),
  }
}

type Normalizer<N extends EndpointName> = (
  body: Json,
) => Omit<EndpointTypes[N][1], 'errcode' | 'errmsg'>

/** One normaliser per endpoint, applied to a successful (`errcode: 0`) body. */
export const responseNormalizers: { [N in EndpointName]: Normalizer<N> } = {
  getSuiteToken: (b) => ({
    suite_access_token: str(b.suite_access_token, 'suite_access_token'),
    expires_in: num(b.expires_in, 'expires_in'),
  }),
  getCorpToken: (b) => ({
    access_token: str(b.access_token, 'access_token'),
    expires_in: num(b.expires_in, 'expires_in'),
  }),
  selectDepartments: (b) => ({
    node_list: list(b.node_list, 'node_list', normalizeSelectNode),
  }),
  getDepartmentUsers: (b) => ({
    user_infos: list(b.user_infos, 'user_infos', normalizeDepartmentUser),
  }),
  getQywechatDepartmentIds: (b) => ({
    qywechat_ids: list(b.qywechat_ids, 'qywechat_ids', (v, f) => {
      const r = record(v, f)
      return {
        department_id: normalizeId(r.department_id, `${f}.department_id`),
        qywechat_id: normalizeId(r.qywechat_id, `${f}.qywechat_id`),
      }
    }),
  }),
  getQywechatUserIds: (b) => ({
    qywechat_ids: list(b.qywechat_ids, 'qywechat_ids', (v, f) => {
      const r = record(v, f)
      return {
        userid: normalizeId(r.userid, `${f}.userid`),
        qywechat_id: normalizeId(r.qywechat_id, `${f}.qywechat_id`),
      }
    }),
  }),
  getDepartmentIdsByQywechat: (b) => ({
    department_infos: list(b.department_infos, 'department_infos', (v, f) => {
      const r = record(v, f)
      return {
        qywechat_id: normalizeId(r.qywechat_id, `${f}.qywechat_id`),
        departments: list(r.departments, `${f}.departments`, (d, df) => {
          const dep = record(d, df)
          return {
            department_id: normalizeId(dep.department_id, `${df}.department_id`),
            corpid: normalizeId(dep.corpid, `${df}.corpid`),
            qywechat_department_type: num(
              dep.qywechat_department_type,
              `${df}.qywechat_department_type`,
            ) as 1 | 2,
          }
        }),
      }
    }),
  }),
  getUserIdsByQywechat: (b) => ({
    // Upstream spells these usersInfos / userInfos; a proxy that already normalised says users_infos.
    users_infos: list(b.usersInfos ?? b.users_infos, 'usersInfos', (v, f) => {
      const r = record(v, f)
      return {
        qywechat_id: normalizeId(r.qywechat_id, `${f}.qywechat_id`),
        user_infos: list(r.userInfos ?? r.user_infos, `${f}.userInfos`, (u, uf) => {
          const user = record(u, uf)
          return {
            corpid: normalizeId(user.corpid, `${uf}.corpid`),
            userid: normalizeId(user.userid, `${uf}.userid`),
            role_id: num(user.role_id, `${uf}.role_id`) as 11 | 12 | 13,
          }
        }),
      }
    }),
  }),
  getQywxCorpid: (b) => ({ qywx_corpid: str(b.qywx_corpid, 'qywx_corpid') }),
  getDingtalkDepartmentIds: (b) => ({
    data_list: list(b.data_list, 'data_list', (v, f) => {
      const r = record(v, f)
      return {
        depart_id: normalizeId(r.depart_id, `${f}.depart_id`),
        dingtalk_id: normalizeId(r.dingtalk_id, `${f}.dingtalk_id`),
      }
    }),
  }),
  getDingtalkUserIds: (b) => ({
    data_list: list(b.data_list, 'data_list', (v, f) => {
      const r = record(v, f)
      return {
        userid: normalizeId(r.userid, `${f}.userid`),
        dingtalk_id: normalizeId(r.dingtalk_id, `${f}.dingtalk_id`),
        dingtalk_unionid: str(r.dingtalk_unionid, `${f}.dingtalk_unionid`),
      }
    }),
  }),
  getDingtalkToken: (b) => ({
    dingtalk_token: str(b.dingtalk_token, 'dingtalk_token'),
    expires_in: num(b.expires_in, 'expires_in'),
    dingtalk_corpid: str(b.dingtalk_corpid, 'dingtalk_corpid'),
    dingtalk_app_id: str(b.dingtalk_appId ?? b.dingtalk_app_id, 'dingtalk_appId'),
  }),
  getDepartmentIdsByDingtalk: (b) => ({
    data_list: list(b.data_list, 'data_list', (v, f) => {
      const r = record(v, f)
      return {
        dingtalk_id: normalizeId(r.dingtalk_id, `${f}.dingtalk_id`),
        depart_id: normalizeId(r.depart_id, `${f}.depart_id`),
      }
    }),
  }),
  getUserIdsByDingtalk: (b) => ({
    data_list: list(b.data_list, 'data_list', (v, f) => {
      const r = record(v, f)
      return {
        dingtalk_id: normalizeId(r.dingtalk_id, `${f}.dingtalk_id`),
        userid: normalizeId(r.userid, `${f}.userid`),
      }
    }),
  }),
}

/** Normalises a whole successful answer of `endpoint`. */
export function normalizeResponse<N extends EndpointName>(
  endpoint: N,
  body: unknown,
): EndpointTypes[N][1] {
  const envelope = normalizeEnvelope(body)
  const normalize = responseNormalizers[endpoint] as Normalizer<N>
  return { ...envelope, ...normalize(body as Json) } as EndpointTypes[N][1]
}
