/**
 * The exact number of people a value reaches, from the proxy's `resolve` with the list left out
 * (`recipients: 'none'`, or `'unmapped'` to list only who a channel cannot reach). The tree's own
 * count is an estimate (`users_total` counts every role, and a bureau's counts its own staff);
 * this one is what a message would reach.
 */
import {
  readResolveStream,
  ResolveStreamError,
  type PickerValue,
  type Recipient,
  type ResolveChannel,
  type ResolveEvent,
  type ResolveProgress,
  type ResolveSummary,
  type Role,
  type RoleCounts,
} from '@epaas-picker/protocol'
import { DEFAULT_PROXY_BASE_URL } from './transport.js'

/** What a count asks. */
export interface RecipientCountRequest {
  value: PickerValue
  /** Count only these roles. Default: every role. */
  role_ids?: readonly Role[]
  /** Also count who has no account on WeCom or DingTalk. Default `epaas`. */
  channel?: ResolveChannel
  /** List the people the channel cannot reach (`recipients: 'unmapped'`). Default false. */
  listUnmapped?: boolean
}

/** The count of a value. */
export interface RecipientCount {
  /** Everyone the value reaches (with the roles asked). */
  total: number
  byRole: RoleCounts
  /** How many the channel cannot reach (0 for `epaas`). */
  unmapped: number
  /** With `listUnmapped`: who they are. */
  unmappedRecipients: Recipient[]
  /** The summary line of the resolve, whole (departments expanded, sub-organisations found). */
  summary: ResolveSummary
}

/** How a count is made: a request to the proxy, or anything answering the same. */
export type RecipientCounter = (
  request: RecipientCountRequest,
  options: { signal: AbortSignal; onProgress?: (progress: ResolveProgress) => void },
) => Promise<RecipientCount>

/** Where {@link proxyRecipientCounter} sends its requests. */
export interface ProxyRecipientCounterOptions {
  /** The proxy's mount. Default `/api/epaas`. */
  baseUrl?: string
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
  /**
   * Extra headers. The proxy's CSRF header (`x-epaas-proxy: 1`) and the JSON content type are
   * always sent.
   */
  headers?: Record<string, string>
}

/**
 * A counter asking the proxy's `POST {baseUrl}/resolve` for the counts only.
 *
 * @example
 * const count = proxyRecipientCounter()
 * const { total } = await count({ value, role_ids: [11, 13] }, { signal })
 */
export function proxyRecipientCounter(
  options: ProxyRecipientCounterOptions = {},
): RecipientCounter {
  const baseUrl = (options.baseUrl ?? DEFAULT_PROXY_BASE_URL).replace(/\/$/, '')
  return async (request, { signal, onProgress }) => {
    const doFetch = options.fetch ?? fetch
    const response = await doFetch(`${baseUrl}/resolve`, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', 'x-epaas-proxy': '1', ...options.headers },
      body: JSON.stringify({
        value: request.value,
        ...(request.role_ids ? { role_ids: request.role_ids } : {}),
        ...(request.channel ? { channel: request.channel } : {}),
        recipients: request.listUnmapped ? 'unmapped' : 'none',
      }),
    })
    return countOf(readResolveStream(response), onProgress)
  }
}

/**
 * The count carried by a `resolve` stream's events (progress reported as it comes). Throws
 * `ResolveStreamError` when the stream has no summary.
 */
export async function countOf(
  events: AsyncIterable<ResolveEvent>,
  onProgress?: (progress: ResolveProgress) => void,
): Promise<RecipientCount> {
  const unmappedRecipients: Recipient[] = []
  for await (const event of events) {
    if (event.type === 'progress') onProgress?.(event)
    else if (event.type === 'recipients') unmappedRecipients.push(...event.recipients)
    else {
      return {
        total: event.total,
        byRole: event.by_role,
        unmapped: event.unmapped,
        unmappedRecipients,
        summary: event,
      }
    }
  }
  throw new ResolveStreamError('the resolve stream ended without a summary')
}
