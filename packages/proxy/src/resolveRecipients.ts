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
 *
 * The work is a pipeline of stages under `resolve/`, each in its own file with what it holds in
 * its JSDoc: plan (`planResolve`) -> exclusions (`applyExclusions`) -> expand
 * (`expandDepartments`) -> de-duplicate (`createRecipientSet`) -> stream (`createResolveStream`,
 * which maps each chunk with `mapToChannel`). This file wires them.
 */
import { abortTogether } from './resolve/abortTogether.js'
import { applyExclusions } from './resolve/applyExclusions.js'
import { createDepartmentCalls } from './resolve/createDepartmentCalls.js'
import { createRecipientSet } from './resolve/createRecipientSet.js'
import { createResolveStream } from './resolve/createResolveStream.js'
import { candidatesOf, expandDepartments, plannedCounts } from './resolve/expandDepartments.js'
import { mapToChannel } from './resolve/mapToChannel.js'
import { planResolve, type Candidate } from './resolve/planResolve.js'
import { readResolveSettings } from './resolve/readResolveSettings.js'
import type { ResolveEvent } from './resolve/ResolveEvent.js'
import type { ResolveInput } from './resolve/ResolveInput.js'
import type { ResolveDependencies } from './resolve/ResolveOptions.js'
import type { ResolveRequestBody } from './createSchemas.js'

export { collectResolve } from './resolve/collectResolve.js'
export type {
  Recipient,
  ResolveEvent,
  ResolveProgress,
  ResolveRecipients,
  ResolveResult,
  ResolveSummary,
  RoleCounts,
} from './resolve/ResolveEvent.js'
export type {
  ResolveChannel,
  ResolveDepartment,
  ResolveInput,
  ResolveRecipientsMode,
} from './resolve/ResolveInput.js'
export { defaultSubOrganizationTypes } from './resolve/ResolveOptions.js'
export type { ResolveDependencies, ResolveOptions } from './resolve/ResolveOptions.js'

/**
 * Resolves a picker value into recipients, as a stream of events: `progress` after each upstream
 * answer, `recipients` in chunks, and a `summary` last. Throws (and yields no summary) when any
 * upstream call fails, a limit is passed (`too_many_recipients`, `too_many_sub_organizations`)
 * or `signal` aborts. Stopping early (a `break`, `return()`) aborts the calls in flight.
 *
 * Memory: the keys of the recipients seen (at most `maxRecipients`) and the parents, the members
 * of the excluded departments, at most `2 × concurrency` upstream answers ahead of the consumer,
 * and at most one chunk plus one answer's members waiting to be sent; never the whole tree.
 *
 * @example
 * for await (const event of resolveRecipients({ value, channel: 'wecom' }, deps, signal)) {
 *   if (event.type === 'recipients') await send(event.recipients)
 *   else if (event.type === 'summary') console.log(event.total, event.unmapped)
 * }
 */
export async function* resolveRecipients(
  input: ResolveInput | ResolveRequestBody,
  deps: ResolveDependencies,
  signal?: AbortSignal,
): AsyncGenerator<ResolveEvent, void, undefined> {
  const settings = readResolveSettings(input, deps.options)
  // Everything inside is aborted together: the caller's signal, or our own end.
  const scope = abortTogether(signal)
  try {
    const plan = planResolve(input.value, settings)
    const calls = createDepartmentCalls({
      upstream: deps.upstream,
      userToken: deps.userToken,
      concurrency: settings.concurrency,
      roles: settings.roles,
      signal: scope.signal,
    })
    const isRemoved = await applyExclusions(
      plan,
      input.value.departments,
      calls.getDepartmentUsers,
      settings.departmentsPerCall,
    )
    const recipients = createRecipientSet({
      maxRecipients: deps.maxRecipients,
      roles: settings.roles,
      isRemoved,
    })
    const stream = createResolveStream({
      ...settings,
      map: (chunk) => mapToChannel(chunk, settings.channel, deps.mapping, scope.signal),
    })
    const admit = (candidate: Candidate) => {
      const recipient = recipients.admit(candidate)
      if (recipient) stream.push(recipient)
    }

    for (const user of plan.users) admit(user)
    yield* stream.chunks(false)
    let counts = plannedCounts(plan)
    const limits = {
      concurrency: settings.concurrency,
      maxSubOrganizations: deps.maxSubOrganizations,
    }
    for await (const step of expandDepartments(plan, calls, limits)) {
      for (const candidate of candidatesOf(step)) admit(candidate)
      counts = step.counts
      yield stream.progress(counts)
      yield* stream.chunks(false)
    }
    for (const parent of recipients.parents()) stream.push(parent)
    yield* stream.chunks(true)
    yield stream.summary(counts, recipients)
  } finally {
    // Stops outstanding calls when the consumer fails, stops early or goes away.
    scope.end()
  }
}
