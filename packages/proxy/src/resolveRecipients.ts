/**
 * `resolve`: turns the picker's value (a rule: departments + people - exclusions) into a
 * de-duplicated list of recipients, optionally mapped to WeCom or DingTalk IDs.
 *
 * Semantics (also in the README):
 * - Recipients are the members of each selected department (its whole subtree, through
 *   `/department/user/get`), plus each selected person.
 * - An excluded person is removed, wherever it came from.
 * - An excluded department removes its members, unless they are listed in `users` directly or
 *   are members of a selected department inside it (one whose `id_path` passes through it):
 *   "the school except 三年级, but 三年级一班" reaches 一班.
 * - `role_ids`, when given, keeps only people with those roles (selected people included).
 * - A person is (corpid, userid, role): a teacher who is also a parent is two recipients; a
 *   parent listed under two children is one recipient carrying both `child_ids`.
 * - With `channel: 'wecom' | 'dingtalk'` each recipient gets that platform's ID, or `null` and a
 *   place in the `unmapped` list.
 * - A department with sub-organisations (a bureau's root, say) stands for them too:
 *   `/department/user/get` answers one organisation per entry, so its sub-organisations are found
 *   through `/campus/department/select` (`is_include_sub_org`) and each one's root is expanded
 *   with its own `corpid`, recursively where a sub-organisation says `has_sub_org`. A selected
 *   department is searched when its `has_sub_org` is `true`; without the field (an older value),
 *   when its `department_type` is one of `subOrganizationTypes`.
 *
 * The result streams: `progress` while departments are searched and expanded, `recipients` in
 * chunks (all of them, the unmapped ones only, or none: `recipients`), and a final `summary`. Any
 * failure throws; a summary is only produced after everything succeeded.
 */
import { IdType, Role, type DepartmentUser, type SelectNode } from '@epaas-picker/protocol'
import pLimit from 'p-limit'
import type { TokenHandle, Upstream } from './createUpstream.js'
import type { MappingLookup } from './createMappingLookups.js'
import type { ResolveRequestBody } from './createSchemas.js'
import { ProxyError } from './ProxyError.js'

/** Where resolved recipients are to be reached. */
export type ResolveChannel = 'epaas' | 'wecom' | 'dingtalk'

/**
 * Which recipients the stream carries: `all` (the default), `unmapped` (only those without a
 * mapping on the channel, e.g. to list who a message cannot reach), or `none` (progress and the
 * summary only, e.g. for a count preview). The summary's counts are the same in every mode.
 */
export type ResolveRecipientsMode = 'all' | 'unmapped' | 'none'

/** A selected department, as `resolve` reads it from the value. */
export interface ResolveDepartment {
  corpid: string | number
  id: string | number
  /**
   * The node's `department_type`. Read only when `has_sub_org` is absent: the department is then
   * searched for sub-organisations when its type is one of `resolve.subOrganizationTypes`.
   */
  department_type?: number
  /** The node's `select_node_type`, sent back to search it for sub-organisations. */
  select_node_type?: number | string
  /**
   * The node's `id_path` (department IDs from the top, its own last or not). A selected
   * department inside an excluded one keeps its members. Without it, the department is taken to
   * lie inside no excluded department.
   */
  id_path?: readonly (string | number)[]
  /**
   * The node's `has_sub_org`: whether the department has sub-organisations. `true`: it is
   * searched for them (when it also has a `corpid` and `select_node_type`); `false`: it is not,
   * whatever its type; absent (a value saved before the picker wrote it, or built by hand):
   * `department_type` decides. The picker's value carries it.
   */
  has_sub_org?: boolean
}

/** What `resolve` takes: the picker value, role filters, a channel, which recipients to send. */
export interface ResolveInput {
  /**
   * The picker's value (`PickerValue` of `@epaas-picker/protocol`); labels are ignored, a
   * department's `has_sub_org`, `department_type` and `select_node_type` are read.
   */
  value: {
    departments: readonly ResolveDepartment[]
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
  /** Which recipients to send ({@link ResolveRecipientsMode}). Default `all`. */
  recipients?: ResolveRecipientsMode
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

/**
 * Progress: departments expanded and sub-organisation searches made, each of those known so far.
 * Both totals grow while sub-organisations are found.
 */
export interface ResolveProgress {
  type: 'progress'
  /** Departments expanded (`/department/user/get`), sub-organisations' roots included. */
  departments_done: number
  /** Departments to expand, as far as known. */
  departments_total: number
  /** Searches for sub-organisations made (`/campus/department/select`). */
  sub_org_searches_done: number
  /** Searches for sub-organisations to make, as far as known. */
  sub_org_searches_total: number
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
  /** Departments expanded, sub-organisations' roots included. */
  departments_expanded: number
  /** Sub-organisations found below the selected departments (and expanded). */
  sub_organizations: number
  /** Searches for sub-organisations made. */
  sub_org_searches: number
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
  /**
   * For selected departments without `has_sub_org` only (values saved before the picker wrote
   * it, or built by hand): the `department_type`s searched for sub-organisations (one
   * `/campus/department/select` each). A department that carries `has_sub_org` is searched when
   * it is `true` and not when it is `false`, whatever its type and this list. Default
   * {@link defaultSubOrganizationTypes}: 9 上级单位, 11 上级单位根节点, 14 虚拟机构. Add 0 (学校)
   * when such older values tick schools that have branch schools as sub-organisations; `[]`
   * searches none of them. Sub-organisations found are searched in turn when they say
   * `has_sub_org`, whatever their type.
   */
  subOrganizationTypes?: readonly number[]
}

/**
 * The bureau kinds whose selected departments are searched for sub-organisations by default, when
 * a department does not carry `has_sub_org`: 9 上级单位, 11 上级单位根节点, 14 虚拟机构. Not 0
 * (学校): the seed's own example answers a class with `department_type` 0, so 0 does not tell a
 * school, and a search per selected class would double a resolve's calls.
 */
export const defaultSubOrganizationTypes: readonly number[] = [9, 11, 14]

/** What `resolve` runs on. */
export interface ResolveDependencies {
  upstream: Upstream
  userToken: TokenHandle
  mapping: MappingLookup
  maxRecipients: number
  /** Most sub-organisations (and searches for them below the value's departments). */
  maxSubOrganizations: number
  options: ResolveOptions
}

const personKey = (corpid: string, userid: string, role: number) =>
  `${corpid}\u0000${userid}\u0000${role}`
const departmentKey = (corpid: string, id: string) => `${corpid}\u0000${id}`

interface DepartmentGroup {
  corpid: string
  ids: string[]
}

/** A department to search for sub-organisations. */
interface SearchTarget {
  corpid: string
  id: string
  select_node_type: number | string
}

/** One upstream call of the main loop: a search for sub-organisations, or an expansion. */
type Job = { kind: 'search'; target: SearchTarget } | { kind: 'expand'; group: DepartmentGroup }

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
 * Whether a selected department is to be searched for sub-organisations: what its tree node said
 * (`has_sub_org`) when the value carries it, else (a value saved before the field existed, or
 * built by hand) whether its `department_type` is one of `types`.
 */
function mayHaveSubOrganizations(
  department: { has_sub_org?: boolean; department_type?: number },
  types: ReadonlySet<number>,
): boolean {
  if (department.has_sub_org !== undefined) return department.has_sub_org
  return department.department_type !== undefined && types.has(department.department_type)
}

/**
 * Resolves a picker value into recipients, as a stream of events.
 * Throws (and yields no summary) when any upstream call fails or `signal` aborts.
 */
export async function* resolveRecipients(
  input: ResolveInput | ResolveRequestBody,
  deps: ResolveDependencies,
  signal?: AbortSignal,
): AsyncGenerator<ResolveEvent, void, undefined> {
  const perCall = deps.options.departmentsPerCall ?? 20
  const perChunk = deps.options.recipientsPerChunk ?? 500
  const channel: ResolveChannel = input.channel ?? 'epaas'
  const mode: ResolveRecipientsMode = input.recipients ?? 'all'
  const searchTypes = new Set(deps.options.subOrganizationTypes ?? defaultSubOrganizationTypes)
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
    // Departments searched (or to be searched) for sub-organisations, by key.
    const searched = new Set<string>()
    const searches: SearchTarget[] = []
    for (const d of value.departments) {
      const ref = { corpid: String(d.corpid), id: String(d.id) }
      const key = departmentKey(ref.corpid, ref.id)
      if (excludedDepartments.has(key)) continue
      departments.set(key, ref)
      // A sub-organisation is told by a corpid other than its parent's: without a corpid of its
      // own, a department cannot be searched.
      if (
        ref.corpid !== '' &&
        d.select_node_type !== undefined &&
        mayHaveSubOrganizations(d, searchTypes) &&
        !searched.has(key)
      ) {
        searched.add(key)
        searches.push({ ...ref, select_node_type: d.select_node_type })
      }
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
    // The same request the picker makes to open the node, with the sub-organisations shown.
    const search = (target: SearchTarget) =>
      limit(() =>
        deps.upstream.call(
          'selectDepartments',
          {
            id: target.id,
            select_node_type: target.select_node_type,
            corpid: target.corpid,
            is_include_sub_org: true,
          },
          { token: deps.userToken, signal: controller.signal },
        ),
      )

    // Exclusions first: nobody may be emitted before we know who is removed. An excluded
    // department removes its members less those of the selected departments inside it.
    const removedByDepartment = new Set<string>()
    const membersOf = async (refs: Iterable<{ corpid: string; id: string }>) => {
      const groups = groupByCorp(refs, perCall)
      const answers = await Promise.all(groups.map(expand))
      const members = new Set<string>()
      answers.forEach((answer, i) => {
        const corpid = (groups[i] as DepartmentGroup).corpid
        for (const u of answer.user_infos) members.add(personKey(corpid, u.userid, u.role_id))
      })
      return members
    }
    // Most excluded departments have nothing selected inside: their members go in one batch.
    const plain: { corpid: string; id: string }[] = []
    const nested: { excluded: { corpid: string; id: string }; inside: typeof plain }[] = []
    for (const excluded of excludedDepartments.values()) {
      const inside = value.departments
        .filter((d) => String(d.id) !== excluded.id)
        .filter((d) => (d.id_path ?? []).some((id) => String(id) === excluded.id))
        .map((d) => ({ corpid: String(d.corpid), id: String(d.id) }))
      if (inside.length === 0) plain.push(excluded)
      else nested.push({ excluded, inside })
    }
    const [plainMembers, ...nestedMembers] = await Promise.all([
      membersOf(plain),
      ...nested.map(async ({ excluded, inside }) => {
        const [members, kept] = await Promise.all([membersOf([excluded]), membersOf(inside)])
        return [...members].filter((key) => !kept.has(key))
      }),
    ])
    for (const key of plainMembers) removedByDepartment.add(key)
    for (const keys of nestedMembers) for (const key of keys) removedByDepartment.add(key)

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
      if (role === Role.Parent) {
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
        const chunk = buffer.slice(0, perChunk)
        buffer = buffer.slice(perChunk)
        // Mapped in every mode: the summary counts the unmapped.
        const unmapped = await mapChannel(chunk)
        if (mode === 'none' || (mode === 'unmapped' && unmapped.length === 0)) continue
        const recipients = mode === 'all' ? chunk : chunk.filter(isUnmapped)
        yield { type: 'recipients', recipients, unmapped }
      }
    }

    function isUnmapped(recipient: Recipient): boolean {
      if (channel === 'wecom') return recipient.qywechat_id === null
      if (channel === 'dingtalk') return recipient.dingtalk_id === null
      return false
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

    // One queue of upstream calls, consumed in order: searches for sub-organisations first (what
    // they find joins the queue), then expansions. A window of calls runs ahead of the consumer:
    // memory holds at most `window` answers however large the selection. No event before the
    // first answer, so that a request failing at once still gets a real HTTP status.
    const jobs: Job[] = [
      ...searches.map((target): Job => ({ kind: 'search', target })),
      ...groupByCorp(departments.values(), perCall).map((group): Job => ({
        kind: 'expand',
        group,
      })),
    ]
    let departmentsTotal = departments.size
    let departmentsDone = 0
    let searchesTotal = searches.length
    let searchesDone = 0
    let subOrganizations = 0
    const searchesOfTheValue = searches.length

    type Answer =
      { kind: 'search'; nodes: SelectNode[] } | { kind: 'expand'; users: DepartmentUser[] }
    const run = (job: Job): Promise<Answer> =>
      job.kind === 'search'
        ? search(job.target).then(({ node_list }) => ({ kind: 'search', nodes: node_list }))
        : expand(job.group).then(({ user_infos }) => ({ kind: 'expand', users: user_infos }))
    const window = Math.max(1, deps.options.concurrency ?? 4) * 2
    const answers: (Promise<Answer> | undefined)[] = []
    const startUpTo = (n: number) => {
      while (answers.length < Math.min(n, jobs.length)) {
        const answer = run(jobs[answers.length] as Job)
        answer.catch(() => undefined)
        answers.push(answer)
      }
    }

    /** Queues what a search found: each new sub-organisation's root, and the next searches. */
    const found = (target: SearchTarget, nodes: readonly SelectNode[]) => {
      for (const node of nodes) {
        if (node.id_type !== IdType.Department) continue
        const ref = { corpid: node.corpid, id: node.id }
        const key = departmentKey(ref.corpid, ref.id)
        // An excluded department takes its sub-organisations with it.
        if (excludedDepartments.has(key)) continue
        if (node.corpid !== target.corpid && !departments.has(key)) {
          subOrganizations += 1
          if (subOrganizations > deps.maxSubOrganizations) throw tooManySubOrganizations()
          departments.set(key, ref)
          departmentsTotal += 1
          jobs.push({ kind: 'expand', group: { corpid: ref.corpid, ids: [ref.id] } })
        }
        if (node.has_sub_org && !searched.has(key)) {
          searched.add(key)
          searchesTotal += 1
          if (searchesTotal - searchesOfTheValue > deps.maxSubOrganizations) {
            throw tooManySubOrganizations()
          }
          // Before the expansions not started yet, so that the totals are known early.
          const next: Job = {
            kind: 'search',
            target: { ...ref, select_node_type: node.select_node_type },
          }
          jobs.splice(answers.length, 0, next)
        }
      }
    }
    const tooManySubOrganizations = () =>
      new ProxyError(
        'too_many_sub_organizations',
        `the selection contains more than ${deps.maxSubOrganizations} sub-organisations`,
      )

    for (let i = 0; i < jobs.length; i++) {
      startUpTo(i + window)
      const job = jobs[i] as Job
      const answer = await (answers[i] as Promise<Answer>)
      answers[i] = undefined // let the answer be collected
      if (job.kind === 'search' && answer.kind === 'search') {
        searchesDone += 1
        found(job.target, answer.nodes)
      } else if (job.kind === 'expand' && answer.kind === 'expand') {
        const { corpid, ids } = job.group
        for (const u of answer.users) admit(corpid, u.userid, u.role_id, [u.child_id])
        departmentsDone += ids.length
      }
      yield {
        type: 'progress',
        departments_done: departmentsDone,
        departments_total: departmentsTotal,
        sub_org_searches_done: searchesDone,
        sub_org_searches_total: searchesTotal,
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
      sub_organizations: subOrganizations,
      sub_org_searches: searchesDone,
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
