/**
 * The page's calls to its backend, all logged: the picker's protocol client on the proxy, the
 * proxy's streamed `resolve`, and the demo's send route.
 */
import { createEpaasClient, type EpaasClient, type Role } from '@epaas-picker/protocol'
import type { PickerValue } from '@epaas-picker/protocol'
import {
  readResolveStream,
  ResolveStreamError,
  type ResolveChannel,
  type ResolveEvent,
  type ResolveInput,
  type ResolveRecipientsMode,
} from '@epaas-picker/proxy/client'
import type { SentNotice } from '../server/createNoticeHandler.js'
import { DemoApiError, errorOf } from './DemoApiError.js'
import type { RequestLog } from './RequestLog.js'

/** Where the proxy is mounted (see `src/server/createDemoBackend.ts`). */
export const PROXY_BASE_URL = '/api/epaas'

/**
 * The proxy's CSRF header. Same-origin fetches pass its guard anyway (`Sec-Fetch-Site`); the
 * header also passes its stricter `mode: 'header'`.
 */
const CSRF_HEADERS = { 'x-epaas-proxy': '1' }

/** What the page sends to `POST /api/notices`. */
export interface NoticeInput {
  title: string
  body: string
  channel: ResolveChannel
  role_ids: Role[]
  value: PickerValue
}

/**
 * What `resolve` takes from the page: the value's rule (labels are not needed), roles, channel,
 * and which recipients to send back (a preview needs the counts and, at most, the unmapped).
 */
export interface ResolveRequest {
  value: ResolveInput['value']
  role_ids: Role[]
  channel: ResolveChannel
  recipients: ResolveRecipientsMode
}

/** The page's backend calls. */
export interface DemoApi {
  /** The picker's transport (and the name lookup's): `/campus/department/select` on the proxy. */
  pickerClient: EpaasClient
  /** A client whose calls are logged as name lookups. */
  namesClient: EpaasClient
  /** The proxy's `resolve`, event by event; throws {@link DemoApiError} on failure. */
  resolve(request: ResolveRequest, signal: AbortSignal): AsyncGenerator<ResolveEvent>
  /** The (mock) send. */
  sendNotice(input: NoticeInput, signal?: AbortSignal): Promise<SentNotice>
}

/**
 * Creates the page's API on a request log.
 *
 * @example
 * const api = createDemoApi(createRequestLog())
 * <AddressBookPicker transport={api.pickerClient} />
 */
export function createDemoApi(log: RequestLog): DemoApi {
  const client = (source: 'picker' | 'names') =>
    createEpaasClient({
      baseUrl: PROXY_BASE_URL,
      fetch: log.fetchFor(source),
      headers: CSRF_HEADERS,
    })
  const resolveFetch = log.fetchFor('resolve')
  const sendFetch = log.fetchFor('send')

  return {
    pickerClient: client('picker'),
    namesClient: client('names'),
    async *resolve(request, signal) {
      const response = await call(resolveFetch, `${PROXY_BASE_URL}/resolve`, request, signal)
      try {
        yield* readResolveStream(response)
      } catch (error) {
        if (error instanceof ResolveStreamError) throw new DemoApiError(error.code, error.message)
        throw error
      }
    },
    async sendNotice(input, signal) {
      const response = await call(sendFetch, '/api/notices', input, signal)
      return ((await response.json()) as { notice: SentNotice }).notice
    },
  }
}

async function call(
  fetchImpl: typeof fetch,
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Response> {
  let response: Response
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify(body),
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new DemoApiError('network', error instanceof Error ? error.message : String(error))
  }
  if (!response.ok) throw await errorOf(response)
  return response
}
