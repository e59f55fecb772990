/** What `resolve` takes: the picker's value, role filters, a channel, which recipients to send. */
import type { Role } from '@epaas-picker/protocol'

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
