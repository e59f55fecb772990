/**
 * Stage 2 of `resolve`: the upstream calls. The value's sub-organisation searches come first
 * (what they find joins the queue), then the expansions of its departments with
 * `/department/user/get`; a sub-organisation found is expanded with its own `corpid`, and
 * searched in turn when it says `has_sub_org`.
 */
import { IdType, type DepartmentUser, type SelectNode } from '@epaas-picker/protocol'
import { ProxyError } from '../ProxyError.js'
import type { DepartmentCalls } from './createDepartmentCalls.js'
import type { DepartmentGroup } from './groupByCorp.js'
import { LookAheadQueue } from './LookAheadQueue.js'
import { departmentKey } from './personKey.js'
import type { Candidate, ResolvePlan, SearchTarget } from './planResolve.js'

/** Counts of the calls made and known so far; the totals grow as sub-organisations are found. */
export interface ExpansionCounts {
  /** Departments expanded, sub-organisations' roots included. */
  departments_done: number
  /** Departments to expand, as far as known. */
  departments_total: number
  sub_org_searches_done: number
  sub_org_searches_total: number
  /** Sub-organisations found below the selected departments. */
  sub_organizations: number
}

/** One upstream answer taken: the members it brought (none for a search), and the counts after it. */
export interface ExpansionStep {
  /** The organisation of the members (that of the departments expanded). */
  corpid: string
  users: readonly DepartmentUser[]
  counts: ExpansionCounts
}

/** The people of a step, as the de-duplication stage takes them (a parent with their child). */
export function* candidatesOf(step: ExpansionStep): Generator<Candidate, void, undefined> {
  for (const u of step.users) {
    yield { corpid: step.corpid, userid: u.userid, role_id: u.role_id, child_ids: [u.child_id] }
  }
}

/** One upstream call: a search for sub-organisations, or an expansion. */
type Job = { kind: 'search'; target: SearchTarget } | { kind: 'expand'; group: DepartmentGroup }
type Answer = { kind: 'search'; nodes: SelectNode[] } | { kind: 'expand'; users: DepartmentUser[] }

/** Counts before the first call: the plan's departments and searches. */
export function plannedCounts(
  plan: Pick<ResolvePlan, 'departmentKeys' | 'searches'>,
): ExpansionCounts {
  return {
    departments_done: 0,
    departments_total: plan.departmentKeys.size,
    sub_org_searches_done: 0,
    sub_org_searches_total: plan.searches.length,
    sub_organizations: 0,
  }
}

/**
 * Runs the plan's upstream calls, `concurrency` at once, and yields each answer in queue order
 * with the counts after it.
 *
 * Holds at most `2 × concurrency` answers (the calls started ahead of the consumer: a slow
 * consumer stops new calls), the queue of calls not started (one per group of departments), and
 * one key per department planned or found (bounded by `limits.resolveItems` and
 * `maxSubOrganizations`). Throws `too_many_sub_organizations` past `maxSubOrganizations`.
 *
 * @example
 * for await (const step of expandDepartments(plan, calls, { concurrency: 4, maxSubOrganizations: 1000 })) {
 *   for (const user of step.users) admit(step.corpid, user)
 * }
 */
export async function* expandDepartments(
  plan: Pick<ResolvePlan, 'departmentKeys' | 'excludedDepartments' | 'expansions' | 'searches'>,
  calls: DepartmentCalls,
  limits: { concurrency: number; maxSubOrganizations: number },
): AsyncGenerator<ExpansionStep, void, undefined> {
  const counts = plannedCounts(plan)
  const discovery = new SubOrganizationDiscovery(plan, limits.maxSubOrganizations, counts)
  const run = (job: Job): Promise<Answer> =>
    job.kind === 'search'
      ? calls
          .searchSubOrganizations(job.target)
          .then((a) => ({ kind: 'search', nodes: a.node_list }))
      : calls.getDepartmentUsers(job.group).then((a) => ({ kind: 'expand', users: a.user_infos }))
  // No event before the first answer, so that a request failing at once still gets a real HTTP
  // status; answers ahead of the consumer make up for the wait.
  const queue = new LookAheadQueue(run, Math.max(1, limits.concurrency) * 2)
  for (const target of plan.searches) queue.pushLast({ kind: 'search', target })
  for (const group of plan.expansions) queue.pushLast({ kind: 'expand', group })

  for await (const { job, answer } of queue.drain()) {
    if (job.kind === 'search' && answer.kind === 'search') {
      counts.sub_org_searches_done += 1
      for (const next of discovery.found(job.target, answer.nodes)) {
        // A search goes before the expansions not started yet, so that the totals are known early.
        if (next.kind === 'search') queue.pushNext(next)
        else queue.pushLast(next)
      }
      yield { corpid: job.target.corpid, users: [], counts: { ...counts } }
    } else if (job.kind === 'expand' && answer.kind === 'expand') {
      counts.departments_done += job.group.ids.length
      yield { corpid: job.group.corpid, users: answer.users, counts: { ...counts } }
    }
  }
}

/** What the searches found so far, and which of it is new. */
class SubOrganizationDiscovery {
  readonly #departments: Set<string>
  readonly #searched: Set<string>
  readonly #excluded: ReadonlyMap<string, unknown>
  readonly #max: number
  readonly #counts: ExpansionCounts
  readonly #searchesOfTheValue: number

  constructor(
    plan: Pick<ResolvePlan, 'departmentKeys' | 'excludedDepartments' | 'searches'>,
    max: number,
    counts: ExpansionCounts,
  ) {
    this.#departments = new Set(plan.departmentKeys)
    this.#searched = new Set(plan.searches.map((t) => departmentKey(t.corpid, t.id)))
    this.#excluded = plan.excludedDepartments
    this.#max = max
    this.#counts = counts
    this.#searchesOfTheValue = plan.searches.length
  }

  /** The calls a search's answer adds: each new sub-organisation's root, and the next searches. */
  found(target: SearchTarget, nodes: readonly SelectNode[]): Job[] {
    const jobs: Job[] = []
    for (const node of nodes) {
      if (node.id_type !== IdType.Department) continue
      const ref = { corpid: node.corpid, id: node.id }
      const key = departmentKey(ref.corpid, ref.id)
      // An excluded department takes its sub-organisations with it.
      if (this.#excluded.has(key)) continue
      if (node.corpid !== target.corpid && !this.#departments.has(key)) {
        this.#counts.sub_organizations += 1
        if (this.#counts.sub_organizations > this.#max) throw this.#tooMany()
        this.#departments.add(key)
        this.#counts.departments_total += 1
        jobs.push({ kind: 'expand', group: { corpid: ref.corpid, ids: [ref.id] } })
      }
      if (node.has_sub_org && !this.#searched.has(key)) {
        this.#searched.add(key)
        this.#counts.sub_org_searches_total += 1
        if (this.#counts.sub_org_searches_total - this.#searchesOfTheValue > this.#max) {
          throw this.#tooMany()
        }
        jobs.push({ kind: 'search', target: { ...ref, select_node_type: node.select_node_type } })
      }
    }
    return jobs
  }

  #tooMany() {
    return new ProxyError(
      'too_many_sub_organizations',
      `the selection contains more than ${this.#max} sub-organisations`,
    )
  }
}
