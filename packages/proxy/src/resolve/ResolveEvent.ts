/** What `resolve` streams (progress, recipients, a summary) and what collecting it gives. */
import type { Role } from '@epaas-picker/protocol'
import type { ResolveChannel } from './ResolveInput.js'

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
