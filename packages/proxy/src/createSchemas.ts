/**
 * Request-body schemas of every route (zod 4). IDs are accepted as strings or numbers and come
 * out as strings; list lengths are bounded by the proxy's limits.
 */
import { DepartmentType, SelectTag } from '@epaas-picker/protocol'
import { z } from 'zod'

/** Bounds on request bodies. */
export interface ProxyLimits {
  /** Largest request body in bytes for every route but `resolve`. Default 65536 (64 KiB). */
  bodyBytes: number
  /** Largest `resolve` request body in bytes. Default 1048576 (1 MiB). */
  resolveBodyBytes: number
  /** Most IDs in one mapping or member request. Default 1000. */
  ids: number
  /** Most departments, users and excluded entities (each) in a `resolve` value. Default 5000. */
  resolveItems: number
  /** Most recipients a `resolve` may produce before it fails. Default 200000. */
  resolveRecipients: number
  /**
   * Most sub-organisations a `resolve` may find below the selected departments (and most
   * searches for them beyond one per selected department) before it fails. Default 1000.
   */
  resolveSubOrganizations: number
  /**
   * Milliseconds a request body may take to arrive, from the first read to its end, before the
   * request is answered 408 `body_timeout` (a client that stops halfway or trickles). Default
   * 10000.
   */
  bodyTimeoutMs: number
}

/** The default {@link ProxyLimits}. */
export const defaultLimits: ProxyLimits = {
  bodyBytes: 64 * 1024,
  resolveBodyBytes: 1024 * 1024,
  ids: 1000,
  resolveItems: 5000,
  resolveRecipients: 200_000,
  resolveSubOrganizations: 1000,
  bodyTimeoutMs: 10_000,
}

const numericId = z
  .union([
    z
      .string()
      .regex(/^\d{1,16}$/, 'expected a numeric ID')
      .refine((v) => Number.isSafeInteger(Number(v)), 'the ID is too large'),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform((v) => String(typeof v === 'string' ? Number(v) : v))

/** A corpid; `''` or absent means the token's own organisation. */
const corpid = z.union([numericId, z.literal('')])

/** An ID of another platform, or a user ID: opaque, string or number. */
const opaqueId = z
  .union([
    z.string().min(1, 'expected a non-empty ID').max(128),
    z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  ])
  .transform(String)

const role = z.literal([11, 12, 13])
const roles = z.array(role).max(3)
const addressBookKind = z.literal([1, 2])
const departmentTypes = z.literal(Object.values(DepartmentType))
const selectTags = z.literal(Object.values(SelectTag))
const selectNodeType = z.union([z.number().int(), z.string().max(64)])

/** Builds the schemas under the given limits. */
export function createSchemas(limits: ProxyLimits) {
  const ids = (schema: typeof numericId | typeof opaqueId) => z.array(schema).max(limits.ids)
  const items = <T extends z.ZodType>(schema: T) => z.array(schema).max(limits.resolveItems)

  const selectDepartments = z.object({
    id: numericId.optional(),
    select_node_type: selectNodeType.optional(),
    corpid: corpid.optional(),
    department_type_list: z.array(departmentTypes).max(20).optional(),
    select_type: z.literal([0, 1, 2]).optional(),
    key: z.string().max(100).optional(),
    search_type: z.literal([0, 3]).optional(),
    select_tag_list: z.array(selectTags).max(20).optional(),
    select_role_list: roles.optional(),
    is_include_sub_org: z.boolean().optional(),
    is_show_root: z.boolean().optional(),
    is_get_all_student: z.boolean().optional(),
    hide_creator: z.boolean().optional(),
    need_users_total: z.boolean().optional(),
  })

  const getDepartmentUsers = z
    .object({
      role_ids: roles.optional(),
      org_department_info_list: z
        .array(
          z.object({
            corpid: corpid.optional(),
            department_ids: ids(numericId).min(1),
          }),
        )
        .min(1)
        .max(100),
      hide_creator: z.boolean().optional(),
      need_depart: z.literal([0, 1]).optional(),
    })
    .superRefine((body, ctx) => {
      const total = body.org_department_info_list.reduce((n, o) => n + o.department_ids.length, 0)
      if (total > limits.ids) {
        ctx.addIssue({
          code: 'custom',
          path: ['org_department_info_list'],
          message: `at most ${limits.ids} department IDs in all, got ${total}`,
        })
      }
    })

  const userRef = {
    corpid,
    userid: opaqueId,
    role_id: role,
  }
  const departmentRef = { corpid, id: numericId }

  const resolve = z.object({
    value: z.object({
      departments: items(
        z.object({
          type: z.literal('department').optional(),
          ...departmentRef,
          // Read to search the department for sub-organisations; any type ePaaS may add passes.
          department_type: z.number().int().min(0).max(9999).optional(),
          select_node_type: selectNodeType.optional(),
          // Read to tell a department selected inside an excluded one (which it then protects).
          id_path: z.array(numericId).max(64).optional(),
          // The value's boolean, or the node's own 0/1 when a value copies the wire's node.
          has_sub_org: z
            .union([z.boolean(), z.literal([0, 1])])
            .transform((v) => v === true || v === 1)
            .optional(),
        }),
      ),
      users: items(
        z.object({
          type: z.literal('user').optional(),
          ...userRef,
          children: z
            .array(
              z.object({
                child_id: opaqueId,
                child_name: z.string().max(100).optional(),
                child_relation: z.string().max(100).optional(),
              }),
            )
            .max(50)
            .optional(),
        }),
      ),
      excluded: items(
        z.discriminatedUnion('type', [
          z.object({ type: z.literal('department'), ...departmentRef }),
          z.object({ type: z.literal('user'), ...userRef }),
        ]),
      ),
    }),
    role_ids: roles.optional(),
    channel: z.enum(['epaas', 'wecom', 'dingtalk']).optional(),
    recipients: z.enum(['all', 'unmapped', 'none']).optional(),
  })

  return {
    selectDepartments,
    getDepartmentUsers,
    getQywechatDepartmentIds: z.object({ department_ids: ids(numericId) }),
    getQywechatUserIds: z.object({ userids: ids(numericId) }),
    getDepartmentIdsByQywechat: z.object({
      qywechat_ids: ids(opaqueId),
      qywechat_department_type: addressBookKind.optional(),
    }),
    getUserIdsByQywechat: z.object({ qywechat_ids: ids(opaqueId) }),
    getQywxCorpid: z.object({}),
    getDingtalkDepartmentIds: z.object({ depart_ids: ids(numericId) }),
    getDingtalkUserIds: z.object({ userids: ids(opaqueId) }),
    getDepartmentIdsByDingtalk: z.object({
      dingtalk_ids: ids(opaqueId),
      dingtalk_depart_type: addressBookKind,
    }),
    getUserIdsByDingtalk: z.object({ dingtalk_ids: ids(opaqueId), role_id: role }),
    resolve,
  }
}

/** The schemas of a proxy. */
export type ProxySchemas = ReturnType<typeof createSchemas>

/** The validated body of a `resolve` request. */
export type ResolveRequestBody = z.output<ProxySchemas['resolve']>

/** `value.users[2].role_id`-style name of an issue's field. */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = ''
  for (const part of path) {
    if (typeof part === 'number') name += `[${part}]`
    else name += name === '' ? String(part) : `.${String(part)}`
  }
  return name || 'body'
}

/** A one-line message naming the first field at fault. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'body: invalid'
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : ''
  return `${fieldName(issue.path)}: ${issue.message}${more}`
}
