import type { Role } from '@epaas-picker/protocol'
import type { ResolveChannel, ResolveInput, ResolveRecipientsMode } from './ResolveInput.js'
import { defaultSubOrganizationTypes, type ResolveOptions } from './ResolveOptions.js'

/** One resolve's request and tuning with every default applied: what the stages read. */
export interface ResolveSettings {
  channel: ResolveChannel
  mode: ResolveRecipientsMode
  departmentsPerCall: number
  concurrency: number
  recipientsPerChunk: number
  /** `department_type`s searched for sub-organisations when a department has no `has_sub_org`. */
  subOrganizationTypes: ReadonlySet<number>
  /** The roles kept, or `undefined` for every role (no `role_ids`, or an empty list). */
  roles: ReadonlySet<Role> | undefined
}

/**
 * Applies the defaults of {@link ResolveOptions} and of the request's optional fields.
 *
 * @example
 * readResolveSettings({ value, role_ids: [] }, {}).roles // undefined: every role
 */
export function readResolveSettings(
  input: Pick<ResolveInput, 'channel' | 'recipients' | 'role_ids'>,
  options: ResolveOptions,
): ResolveSettings {
  return {
    channel: input.channel ?? 'epaas',
    mode: input.recipients ?? 'all',
    departmentsPerCall: options.departmentsPerCall ?? 20,
    concurrency: options.concurrency ?? 4,
    recipientsPerChunk: options.recipientsPerChunk ?? 500,
    subOrganizationTypes: new Set(options.subOrganizationTypes ?? defaultSubOrganizationTypes),
    roles: input.role_ids && input.role_ids.length > 0 ? new Set(input.role_ids) : undefined,
  }
}
