/**
 * Encoders: our requests (string IDs) in, the JSON bodies the seeds show out.
 *
 * The seeds send department IDs, corp IDs and (on the WeCom user endpoint) user IDs as numbers,
 * and DingTalk user IDs as strings. Each encoder follows its page; an ID that cannot be sent the
 * way the page wants (`"abc"` where a number belongs) throws {@link InvalidRequestError} naming
 * the field, before anything is sent.
 */
import type { EndpointName } from './endpoints.js'
import type { EndpointTypes, IdInput, SelectDepartmentsRequest } from './types.js'

/** A request cannot be encoded as its endpoint requires. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError'
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`)
  }
}

/** A numeric ID as the number upstream expects. */
export function encodeNumericId(value: IdInput, field: string): number {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string' || !/^\d+$/.test(text)) {
    throw new InvalidRequestError(field, `expected a numeric ID, got ${JSON.stringify(value)}`)
  }
  const id = Number(text)
  if (!Number.isSafeInteger(id)) {
    throw new InvalidRequestError(field, `ID ${text} is too large to send as a JSON number`)
  }
  return id
}

/** An ID of another platform the seed shows as a number: a number when numeric, else as given. */
function encodeForeignId(value: IdInput, field: string): number | string {
  if (typeof value === 'number') return encodeNumericId(value, field)
  if (typeof value !== 'string' || value === '') {
    throw new InvalidRequestError(field, `expected an ID, got ${JSON.stringify(value)}`)
  }
  return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value
}

function encodeStringId(value: IdInput, field: string): string {
  if ((typeof value !== 'string' && typeof value !== 'number') || value === '') {
    throw new InvalidRequestError(field, `expected an ID, got ${JSON.stringify(value)}`)
  }
  return String(value)
}

function encodeList<T>(
  values: readonly IdInput[] | undefined,
  field: string,
  encode: (v: IdInput, f: string) => T,
): T[] {
  if (!Array.isArray(values)) throw new InvalidRequestError(field, 'expected an array of IDs')
  return values.map((v, i) => encode(v, `${field}[${i}]`))
}

function encodeSelect(request: SelectDepartmentsRequest): Record<string, unknown> {
  const { id, corpid, ...filters } = request
  const body: Record<string, unknown> = { id: encodeNumericId(id ?? 0, 'id') }
  if (corpid !== undefined && corpid !== '') body.corpid = encodeNumericId(corpid, 'corpid')
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined) body[name] = value
  }
  return body
}

type Encoder<N extends EndpointName> = (
  request: EndpointTypes[N][0],
) => Record<string, unknown> | undefined

/** One encoder per endpoint. GET endpoints have no body. */
export const requestEncoders: { [N in EndpointName]: Encoder<N> } = {
  getSuiteToken: (r) => ({ ...r }),
  getCorpToken: (r) => ({
    auth_corpid: encodeStringId(r.auth_corpid, 'auth_corpid'),
    permanent_code: r.permanent_code,
  }),
  selectDepartments: encodeSelect,
  getDepartmentUsers: (r) => ({
    ...(r.role_ids ? { role_ids: r.role_ids } : {}),
    org_department_info_list: (r.org_department_info_list ?? []).map((org, i) => ({
      ...(org.corpid !== undefined && org.corpid !== ''
        ? { corpid: encodeNumericId(org.corpid, `org_department_info_list[${i}].corpid`) }
        : {}),
      department_ids: encodeList(
        org.department_ids,
        `org_department_info_list[${i}].department_ids`,
        encodeNumericId,
      ),
    })),
    ...(r.hide_creator !== undefined ? { hide_creator: r.hide_creator } : {}),
    ...(r.need_depart !== undefined ? { need_depart: r.need_depart } : {}),
  }),
  getQywechatDepartmentIds: (r) => ({
    department_ids: encodeList(r.department_ids, 'department_ids', encodeNumericId),
  }),
  getQywechatUserIds: (r) => ({ userids: encodeList(r.userids, 'userids', encodeNumericId) }),
  getDepartmentIdsByQywechat: (r) => ({
    qywechat_ids: encodeList(r.qywechat_ids, 'qywechat_ids', encodeForeignId),
    ...(r.qywechat_department_type !== undefined
      ? { qywechat_department_type: r.qywechat_department_type }
      : {}),
  }),
  getUserIdsByQywechat: (r) => ({
    qywechat_ids: encodeList(r.qywechat_ids, 'qywechat_ids', encodeStringId),
  }),
  getQywxCorpid: () => undefined,
  getDingtalkDepartmentIds: (r) => ({
    depart_ids: encodeList(r.depart_ids, 'depart_ids', encodeNumericId),
  }),
  getDingtalkUserIds: (r) => ({ userids: encodeList(r.userids, 'userids', encodeStringId) }),
  getDingtalkToken: () => undefined,
  getDepartmentIdsByDingtalk: (r) => ({
    dingtalk_ids: encodeList(r.dingtalk_ids, 'dingtalk_ids', encodeForeignId),
    dingtalk_depart_type: r.dingtalk_depart_type,
  }),
  getUserIdsByDingtalk: (r) => ({
    dingtalk_ids: encodeList(r.dingtalk_ids, 'dingtalk_ids', encodeStringId),
    role_id: r.role_id,
  }),
}
