/**
 * `resolve`: turns the picker's value (a rule: departments + people - exclusions) into a
 * de-duplicated list of recipients, optionally mapped to WeCom or DingTalk IDs.
 *
 * Semantics (also in the README):
 * - Recipients are the members of each selected department (its whole subtree, through
 *   `/department/user/get`), plus each selected person.
 * - An excluded person is removed, wherever it came from.
 * - An excluded department removes its members, unless they are listed in `users` directly.
 * - `role_ids`, when given, keeps only people with those roles (selected people included).
 * - A person is (corpid, userid, role): a teacher who is also a parent is two recipients; a
 *   parent listed under two children is one recipient carrying both `child_ids`.
 * - With `channel: 'wecom' | 'dingtalk'` each recipient gets that platform's ID, or `null` and a
 *   place in the `unmapped` list.
 *
 * The result streams: `progress` while departments are expanded, `recipients` in chunks, and a
 * final `summary`. Any failure throws; a summary is only produced after everything succeeded.
 */
import type { Role } from '@epaas-picker/protocol'
import pLimit from 'p-limit'
import type { TokenHandle, Upstream } from './createUpstream.js'
import type { MappingLookup } from './createMappingLookups.js'
import type { ResolveRequestBody } from './createSchemas.js'
import { ProxyError } from './ProxyError.js'

/** Where resolved recipients are to be reached. */
export type ResolveChannel = 'epaas' | 'wecom' | 'dingtalk'

/** What `resolve` takes: the picker value, role filters and a channel. */
export interface ResolveInput {
  /** The picker's value (`PickerValue` of `@epaas-picker/protocol`); labels are ignored. */
  value: {
    departments: readonly { corpid: string | number; id: string | number }[]
    users: readonly {
      corpid: string | number
      userid: string | number
      role_id: Role
      children?: readonly { child_id: string | number }[]
    }[]
    excluded: readonly (
      | { type: 'department'; corpid: string | number; id: string | number }
      | { type: 'user'; corpid: string | number; userid: string | number; role_id: Role }
    )[]
  }
  /** Keep only people with these roles. Default: every role. */
  role_ids?: Role[]
  /** Map recipients to WeCom (`wecom`) or DingTalk (`dingtalk`) IDs. Default `epaas` (no mapping). */
  channel?: ResolveChannel
}

/** One person to reach. */
export interface Recipient {
  corpid: string
  userid: string
  role_id: Role
  /** For a parent (role 13): every child through whom the parent was selected. */
  child_ids: string[]
  /** With `channel: 'wecom'`: the WeCom user ID, or `null` when ePaaS has no mapping. */
  qywechat_id?: string | null
  /** With `channel: 'dingtalk'`: the DingTalk user ID, or `null` when ePaaS has no mapping. */
  dingtalk_id?: string | null
  /** With `channel: 'dingtalk'`: the DingTalk union ID, or `null`. */
  dingtalk_unionid?: string | null
}

/** Counts of recipients by role. */
export type RoleCounts = Record<`${Role}`, number>

/** Departments expanded so far (of those to expand). */
export interface ResolveProgress {
  type: 'progress'
  departments_done: number
  departments_total: number
}

/** A chunk of recipients, and the user IDs in it that have no mapping on the channel. */
export interface ResolveRecipients {
  type: 'recipients'
  recipients: Recipient[]
  unmapped: string[]
}

/** The last event of a successful resolve. There is none after a failure. */
export interface ResolveSummary {
  type: 'summary'
  complete: true
  channel: ResolveChannel
  total: number
  by_role: RoleCounts
  /** How many recipients have no mapping on the channel (always 0 for `epaas`). */
  unmapped: number
  departments_expanded: number
}

/** What the `resolve` stream yields. */
export type ResolveEvent = ResolveProgress | ResolveRecipients | ResolveSummary

/** The whole result of `resolve`, collected. */
export interface ResolveResult {
  recipients: Recipient[]
  /** User IDs without a mapping on the channel. */
  unmapped: string[]
  summary: ResolveSummary
}

/** Tuning of `resolve`. */
export interface ResolveOptions {
  /** Department IDs per `/department/user/get` call. Default 20. */
  departmentsPerCall?: number
  /** `/department/user/get` calls at once, per resolve. Default 4. */
  concurrency?: number
  /** Recipients per `recipients` event (and per NDJSON line). Default 500. */
  recipientsPerChunk?: number
}

interface Dependencies {
  upstream: Upstream
  userToken: TokenHandle
  mapping: MappingLookup
  maxRecipients: number
  options: ResolveOptions
}

const personKey = (corpid: string, userid: string, role: number) =>
  `${corpid}\u0000${userid}\u0000${role}`
const departmentKey = (corpid: string, id: string) => `${corpid}\u0000${id}`

interface DepartmentGroup {
  corpid: string
  ids: string[]
}

function groupByCorp(departments: Iterable<{ corpid: string; id: string }>, perCall: number) {
  const byCorp = new Map<string, string[]>()
  for (const d of departments) {
    const list = byCorp.get(d.corpid) ?? []
    list.push(d.id)
    byCorp.set(d.corpid, list)
  }
  const chunks: DepartmentGroup[] = []
  for (const [corpid, ids] of byCorp) {
    for (let i = 0; i < ids.length; i += perCall) {
      chunks.push({ corpid, ids: ids.slice(i, i + perCall) })
    }
  }
  return chunks
}

/**
 * Resolves a picker value into recipients, as a stream of events.
 * Throws (and yields no summary) when any upstream call fails or `signal` aborts.
 */
export async function* resolveRecipients(
  input: ResolveInput | ResolveRequestBody,
  deps: Dependencies,
  signal?: AbortSignal,
): AsyncGenerator<ResolveEvent, void, undefined> {
  const perCall = deps.options.departmentsPerCall ?? 20
  const perChunk = deps.options.recipientsPerChunk ?? 500
  const channel: ResolveChannel = input.channel ?? 'epaas'
  const roleFilter =
    input.role_ids && input.role_ids.length > 0 ? new Set(input.role_ids) : undefined
  const roleIds = roleFilter ? [...roleFilter] : undefined
  const keep = (role: number) => !roleFilter || roleFilter.has(role as Role)

  // Everything inside gets aborted together: the caller's signal, or our own failure.
  const controller = new AbortController()
  const onAbort = () => controller.abort(signal?.reason)
  if (signal?.aborted) controller.abort(signal.reason)
  signal?.addEventListener('abort', onAbort, { once: true })

  try {
    const { value } = input
    const excludedPeople = new Set<string>()
    const excludedDepartments = new Map<string, { corpid: string; id: string }>()
    for (const e of value.excluded) {
      if (e.type === 'user') {
        excludedPeople.add(personKey(String(e.corpid), String(e.userid), e.role_id))
      } else {
        const ref = { corpid: String(e.corpid), id: String(e.id) }
        excludedDepartments.set(departmentKey(ref.corpid, ref.id), ref)
      }
    }
    const listedDirectly = new Set(
      value.users.map((u) => personKey(String(u.corpid), String(u.userid), u.role_id)),
    )
    const departments = new Map<string, { corpid: string; id: string }>()
    for (const d of value.departments) {
      const ref = { corpid: String(d.corpid), id: String(d.id) }
      const key = departmentKey(ref.corpid, ref.id)
      if (!excludedDepartments.has(key)) departments.set(key, ref)
    }

    const limit = pLimit(deps.options.concurrency ?? 4)
    const expand = (group: DepartmentGroup) =>
      limit(() =>
        deps.upstream.call(
          'getDepartmentUsers',
          {
            ...(roleIds ? { role_ids: roleIds } : {}),
            org_department_info_list: [
              {
                ...(group.corpid === '' ? {} : { corpid: group.corpid }),
                department_ids: group.ids,
              },
            ],
          },
          { token: deps.userToken, signal: controller.signal },
        ),
      )

    // Exclusions first: nobody may be emitted before we know who is removed.
    const removedByDepartment = new Set<string>()
    const excludedGroups = groupByCorp(excludedDepartments.values(), perCall)
    const excludedAnswers = await Promise.all(excludedGroups.map(expand))
    excludedAnswers.forEach((answer, i) => {
      const corpid = (excludedGroups[i] as DepartmentGroup).corpid
      for (const u of answer.user_infos) {
        removedByDepartment.add(personKey(corpid, u.userid, u.role_id))
      }
    })

    const isRemoved = (key: string) =>
      excludedPeople.has(key) || (removedByDepartment.has(key) && !listedDirectly.has(key))

    const seen = new Set<string>()
    const parents = new Map<string, Recipient>()
    let buffer: Recipient[] = []
    const byRole: RoleCounts = { '11': 0, '12': 0, '13': 0 }
    let total = 0
    let unmappedCount = 0

    const admit = (corpid: string, userid: string, role: Role, childIds: readonly string[]) => {
      if (!keep(role)) return
      const key = personKey(corpid, userid, role)
      if (isRemoved(key)) return
      if (role === 13) {
        let parent = parents.get(key)
        if (!parent) {
          parent = { corpid, userid, role_id: role, child_ids: [] }
          parents.set(key, parent)
          count(role)
        }
        for (const child of childIds) {
          if (child !== '' && !parent.child_ids.includes(child)) parent.child_ids.push(child)
        }
        return
      }
      if (seen.has(key)) return
      seen.add(key)
      count(role)
      buffer.push({ corpid, userid, role_id: role, child_ids: [] })
    }
    const count = (role: Role) => {
      total += 1
      byRole[`${role}`] += 1
      if (total > deps.maxRecipients) {
        throw new ProxyError(
          'too_many_recipients',
          `the selection resolves to more than ${deps.maxRecipients} recipients`,
        )
      }
    }

    async function* flush(all: boolean): AsyncGenerator<ResolveRecipients> {
      while (buffer.length >= perChunk || (all && buffer.length > 0)) {
        const recipients = buffer.slice(0, perChunk)
        buffer = buffer.slice(perChunk)
        const unmapped = await mapChannel(recipients)
        yield { type: 'recipients', recipients, unmapped }
      }
    }

    async function mapChannel(recipients: Recipient[]): Promise<string[]> {
      if (channel === 'epaas') return []
      const userids = [...new Set(recipients.map((r) => r.userid))]
      const unmapped: string[] = []
      if (channel === 'wecom') {
        // WeCom's endpoint takes numeric user IDs only; others cannot have a mapping.
        const numeric = userids.filter((id) => /^\d{1,16}$/.test(id))
        const answer = await deps.mapping(
          'getQywechatUserIds',
          { userids: numeric },
          controller.signal,
        )
        const found = new Map(answer.qywechat_ids.map((m) => [m.userid, m.qywechat_id]))
        for (const r of recipients) {
          r.qywechat_id = found.get(r.userid) ?? null
          if (r.qywechat_id === null) {
            unmapped.push(r.userid)
            unmappedCount += 1
          }
        }
      } else {
        const answer = await deps.mapping('getDingtalkUserIds', { userids }, controller.signal)
        const found = new Map(answer.data_list.map((m) => [m.userid, m]))
        for (const r of recipients) {
          const m = found.get(r.userid)
          r.dingtalk_id = m?.dingtalk_id ?? null
          r.dingtalk_unionid = m ? m.dingtalk_unionid : null
          if (!m) {
            unmapped.push(r.userid)
            unmappedCount += 1
          }
        }
      }
      return [...new Set(unmapped)]
    }

    for (const u of value.users) {
      admit(
        String(u.corpid),
        String(u.userid),
        u.role_id,
        (u.children ?? []).map((c) => String(c.child_id)),
      )
    }
    yield* flush(false)

    const groups = groupByCorp(departments.values(), perCall)
    const departmentsTotal = departments.size
    let departmentsDone = 0
    // A window of expansions runs ahead of the consumer, consumed in order: memory holds at most
    // `window` answers however large the selection. No event before the first answer, so that a
    // request failing at once still gets a real HTTP status.
    const window = Math.max(1, deps.options.concurrency ?? 4) * 2
    const answers: (ReturnType<typeof expand> | undefined)[] = []
    const startUpTo = (n: number) => {
      while (answers.length < Math.min(n, groups.length)) {
        const answer = expand(groups[answers.length] as DepartmentGroup)
        answer.catch(() => undefined)
        answers.push(answer)
      }
    }
    for (let i = 0; i < groups.length; i++) {
      startUpTo(i + window)
      const group = groups[i] as DepartmentGroup
      const { user_infos } = await (answers[i] as ReturnType<typeof expand>)
      answers[i] = undefined // let the answer be collected
      for (const u of user_infos) admit(group.corpid, u.userid, u.role_id, [u.child_id])
      departmentsDone += group.ids.length
      yield {
        type: 'progress',
        departments_done: departmentsDone,
        departments_total: departmentsTotal,
      }
      yield* flush(false)
    }

    buffer.push(...parents.values())
    yield* flush(true)

    yield {
      type: 'summary',
      complete: true,
      channel,
      total,
      by_role: byRole,
      unmapped: unmappedCount,
      departments_expanded: departmentsTotal,
    }
  } finally {
    // Stops outstanding expansions when the consumer fails, stops early or goes away.
    controller.abort(new DOMException('resolve ended', 'AbortError'))
    signal?.removeEventListener('abort', onAbort)
  }
}

/** Runs a resolve to the end and collects every recipient. Throws on any failure. */
export async function collectResolve(events: AsyncIterable<ResolveEvent>): Promise<ResolveResult> {
  const recipients: Recipient[] = []
  const unmapped: string[] = []
  for await (const event of events) {
    if (event.type === 'recipients') {
      recipients.push(...event.recipients)
      unmapped.push(...event.unmapped)
    } else if (event.type === 'summary') {
      return { recipients, unmapped: [...new Set(unmapped)], summary: event }
    }
  }
  throw new Error('resolve ended without a summary')
}
