/**
 * The answer of the proxy's `/resolve` route, as it travels: NDJSON events (progress, chunks of
 * recipients, one summary at the end of a successful resolve, or an error line), and a reader for
 * it that runs in browsers and Node. The proxy writes these events; the picker's recipient count
 * and an app's own code read them.
 */
import type { Role } from './enums.js'
import type { PickerValue } from './value.js'

/** Where recipients are to be reached. */
export type ResolveChannel = 'epaas' | 'wecom' | 'dingtalk'

/**
 * Which recipients the stream carries: `all` (the default), `unmapped` (only those without a
 * mapping on the channel), or `none` (progress and the summary only, e.g. for a count).
 */
export type ResolveRecipientsMode = 'all' | 'unmapped' | 'none'

/** The body of `POST /resolve`. Labels in the value are ignored. */
export interface ResolveRequestBody {
  value: PickerValue
  /** Keep only people with these roles. Default: every role. */
  role_ids?: Role[]
  /** Default `epaas` (no mapping). */
  channel?: ResolveChannel
  /** Default `all`. */
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

/** Departments expanded and sub-organisation searches made, each of those known so far. */
export interface ResolveProgress {
  type: 'progress'
  departments_done: number
  departments_total: number
  sub_org_searches_done: number
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
  departments_expanded: number
  sub_organizations: number
  sub_org_searches: number
}

/** What the `/resolve` stream carries. */
export type ResolveEvent = ResolveProgress | ResolveRecipients | ResolveSummary

/** The proxy's error, as a JSON body or an NDJSON error line carries it. */
export interface ResolveErrorDetails {
  code: string
  message: string
}

/** The stream of a `/resolve` answer ended with an error line, or without a summary. */
export class ResolveStreamError extends Error {
  override readonly name = 'ResolveStreamError'
  /** The error line's (or the error answer's) `error`, when there was one. */
  readonly error: ResolveErrorDetails | undefined
  /** The HTTP status of an error answer; `undefined` for a stream that started. */
  readonly status: number | undefined

  constructor(message: string, error?: ResolveErrorDetails, status?: number) {
    super(message)
    this.error = error
    this.status = status
  }

  /** The error's code, or `incomplete` when the stream stopped before its summary. */
  get code(): string {
    return this.error?.code ?? 'incomplete'
  }
}

/**
 * Reads the NDJSON body of a `/resolve` answer as events. Throws {@link ResolveStreamError} on an
 * `error` line, and when the stream ends without a `summary` (a cut connection): a partial list
 * is never taken for a complete one. Cancels the download when the caller stops reading early.
 *
 * @example
 * const response = await fetch('/api/epaas/resolve', { method: 'POST', headers, body })
 * for await (const event of readResolveStream(response)) {
 *   if (event.type === 'progress') setProgress(event.departments_done / event.departments_total)
 * }
 */
export async function* readResolveStream(response: Response): AsyncGenerator<ResolveEvent> {
  if (!response.ok || !response.body) throw await errorOfAnswer(response)
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let rest = ''
  let summarised = false
  const parse = (line: string): ResolveEvent | undefined => {
    if (line.trim() === '') return undefined
    const event = JSON.parse(line) as ResolveEvent | { type: 'error'; error: ResolveErrorDetails }
    if (event.type === 'error') throw new ResolveStreamError(event.error.message, event.error)
    if (event.type === 'summary') summarised = true
    return event
  }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      rest += value
      const lines = rest.split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        const event = parse(line)
        if (event) yield event
      }
    }
    const last = parse(rest)
    if (last) yield last
  } finally {
    await reader.cancel().catch(() => undefined)
  }
  if (!summarised) throw new ResolveStreamError('the resolve stream ended without a summary')
}

async function errorOfAnswer(response: Response): Promise<ResolveStreamError> {
  let error: ResolveErrorDetails | undefined
  try {
    error = ((await response.json()) as { error?: ResolveErrorDetails }).error
  } catch {
    error = undefined
  }
  return new ResolveStreamError(error?.message ?? `HTTP ${response.status}`, error, response.status)
}
