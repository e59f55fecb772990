/**
 * The ID-mapping endpoints (ePaaS <-> WeCom, ePaaS <-> DingTalk), `get_qywx_corpid` and
 * `get_dingtalk_token`, answering exactly the seed's shapes, quirks included: numbers where the
 * seed's example has numbers, strings where it has strings, `usersInfos` / `userInfos`,
 * `dingtalk_appId`. An org token reaches its organisation and the organisations below it.
 */
import { AddressBookKind, Role } from '@epaas-picker/protocol'
import type { Dataset, MockDepartment, MockUser } from './Dataset.js'
import type { Params } from './Params.js'
import { organizationScope } from './scope.js'
import { randomToken } from './TokenStore.js'
import { SelectNodeKind } from './SelectNodeKind.js'

type Answer = Record<string, unknown>

/** Per-mock state: the DingTalk token handed out to each organisation. */
export type DingtalkTokens = Map<number, { token: string; expiresAt: number }>

/** Lifetime of a DingTalk token, in seconds (DingTalk's own figure). */
export const DINGTALK_TOKEN_TTL_SECONDS = 7200

export interface MappingContext {
  data: Dataset
  /** The org token's organisation. */
  corpid: number
  params: Params
}

function inScope(ctx: MappingContext) {
  const scope = organizationScope(ctx.data, ctx.corpid)
  return {
    department: (id: number): MockDepartment | undefined => {
      const d = ctx.data.departmentById.get(id)
      return d && scope.has(d.corpid) ? d : undefined
    },
    user: (id: number | string): MockUser | undefined => {
      const userid = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : NaN
      const u = ctx.data.userById.get(userid)
      return u && scope.has(u.corpid) ? u : undefined
    },
    has: (corpid: number) => scope.has(corpid),
  }
}

const unique = <T>(items: T[]): T[] => [...new Set(items)]

/** `/department/qywechat/get_qywechat_ids`: found mappings only. */
export function getQywechatDepartmentIds(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const qywechat_ids: { department_id: number; qywechat_id: string }[] = []
  for (const id of unique(ctx.params.idList('department_ids'))) {
    const d = scope.department(id)
    if (d && d.qywechatId !== null) {
      qywechat_ids.push({ department_id: d.id, qywechat_id: String(d.qywechatId) })
    }
  }
  return { qywechat_ids }
}

/** `/user/qywechat/get_qywechat_ids`: found mappings only. */
export function getQywechatUserIds(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const qywechat_ids: { userid: number; qywechat_id: string }[] = []
  for (const id of unique(ctx.params.idList('userids'))) {
    const u = scope.user(id)
    if (u && u.qywechatId !== null)
      qywechat_ids.push({ userid: u.userid, qywechat_id: u.qywechatId })
  }
  return { qywechat_ids }
}

/**
 * `/department/qywechat/get_department_ids`: every asked ID, `departments: []` when unknown.
 * WeCom department IDs are per organisation, so one may map to departments of several schools;
 * an organisation's root answers `department_id: 0` ("the WeCom department is the organisation").
 */
export function getDepartmentIdsByQywechat(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const kind = ctx.params.oneOf('qywechat_department_type', Object.values(AddressBookKind))
  const department_infos = unique(ctx.params.stringIdList('qywechat_ids')).map((asked) => {
    const matches = /^\d+$/.test(asked)
      ? (ctx.data.departmentsByQywechatId.get(Number(asked)) ?? [])
      : []
    return {
      qywechat_id: /^\d+$/.test(asked) ? Number(asked) : asked,
      departments: matches
        .filter((d) => scope.has(d.corpid) && (kind === undefined || d.addressBook === kind))
        .map((d) => ({
          department_id: d.kind === SelectNodeKind.Organization ? 0 : d.id,
          corpid: d.corpid,
          qywechat_department_type: d.addressBook,
        })),
    }
  })
  return { department_infos }
}

/**
 * `/user/qywechat/get_user_ids`: every asked ID, `userInfos: []` when unknown; one entry per role
 * of the person (a teacher who is also a parent is two ePaaS users).
 */
export function getUserIdsByQywechat(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const usersInfos = unique(ctx.params.stringIdList('qywechat_ids')).map((qywechat_id) => {
    const u = ctx.data.userByQywechatId.get(qywechat_id)
    return {
      qywechat_id,
      userInfos:
        u && scope.has(u.corpid)
          ? u.roles.map((role_id) => ({ corpid: u.corpid, userid: String(u.userid), role_id }))
          : [],
    }
  })
  return { usersInfos }
}

/** `/user/qywechat/get_qywx_corpid`. */
export function getQywxCorpid(ctx: MappingContext): Answer {
  return { qywx_corpid: ctx.data.organizationByCorpid.get(ctx.corpid)?.qywxCorpid ?? '' }
}

/** `/depart/dingtalk/get_dingtalk_departid`: found mappings only. */
export function getDingtalkDepartmentIds(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const data_list: { depart_id: number; dingtalk_id: string }[] = []
  for (const id of unique(ctx.params.idList('depart_ids'))) {
    const d = scope.department(id)
    if (d && d.dingtalkId !== null)
      data_list.push({ depart_id: d.id, dingtalk_id: String(d.dingtalkId) })
  }
  return { data_list }
}

/** `/user/dingtalk/get_dingtalk_userid`: found mappings only. */
export function getDingtalkUserIds(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const data_list: { userid: string; dingtalk_id: string; dingtalk_unionid: string }[] = []
  for (const id of unique(ctx.params.stringIdList('userids'))) {
    const u = scope.user(id)
    if (u && u.dingtalkId !== null) {
      data_list.push({
        userid: String(u.userid),
        dingtalk_id: u.dingtalkId,
        dingtalk_unionid: u.dingtalkUnionid ?? '',
      })
    }
  }
  return { data_list }
}

/** `/depart/dingtalk/get_epaas_departid`: found mappings only, of the given address book. */
export function getDepartmentIdsByDingtalk(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const kind = ctx.params.requiredOneOf('dingtalk_depart_type', Object.values(AddressBookKind))
  const data_list: { dingtalk_id: string; depart_id: number }[] = []
  for (const asked of unique(ctx.params.stringIdList('dingtalk_ids'))) {
    const d = /^\d+$/.test(asked) ? ctx.data.departmentByDingtalkId.get(Number(asked)) : undefined
    if (d && scope.has(d.corpid) && d.addressBook === kind) {
      data_list.push({ dingtalk_id: asked, depart_id: d.id })
    }
  }
  return { data_list }
}

/** `/user/dingtalk/get_epaas_userid`: found mappings only, of people holding `role_id`. */
export function getUserIdsByDingtalk(ctx: MappingContext): Answer {
  const scope = inScope(ctx)
  const role = ctx.params.requiredOneOf('role_id', Object.values(Role)) as Role
  const data_list: { dingtalk_id: string; userid: string }[] = []
  for (const asked of unique(ctx.params.stringIdList('dingtalk_ids'))) {
    const u = ctx.data.userByDingtalkId.get(asked)
    if (u && scope.has(u.corpid) && u.roles.includes(role)) {
      data_list.push({ dingtalk_id: asked, userid: String(u.userid) })
    }
  }
  return { data_list }
}

/** `/corp/dingtalk/get_dingtalk_token`: one token per organisation until it expires. */
export function getDingtalkToken(ctx: MappingContext, tokens: DingtalkTokens, now: number): Answer {
  const org = ctx.data.organizationByCorpid.get(ctx.corpid)
  let current = tokens.get(ctx.corpid)
  if (!current || current.expiresAt <= now) {
    current = { token: randomToken(), expiresAt: now + DINGTALK_TOKEN_TTL_SECONDS * 1000 }
    tokens.set(ctx.corpid, current)
  }
  return {
    dingtalk_token: current.token,
    expires_in: Math.max(0, Math.floor((current.expiresAt - now) / 1000)),
    dingtalk_corpid: org?.dingtalkCorpid ?? '',
    dingtalk_appId: org?.dingtalkAppId ?? '',
  }
}
