/**
 * Every upstream ePaaS call goes through here: the protocol client for encoding, timeouts and
 * normalising; a bounded retry on "busy"; one retry with a fresh token on "invalid/expired token";
 * metrics for each attempt. Nothing else is retried.
 */
import {
  classifyErrcode,
  createEpaasClient,
  defaultErrcodeTable,
  EpaasError,
  EpaasRequestError,
  isAbortError,
  type CallEvent,
  type EndpointName,
  type EndpointTypes,
  type ErrcodeTable,
} from '@epaas-picker/protocol'
import type { ProxyEventListener, UpstreamEvent } from './events.js'
import { ProxyError } from './ProxyError.js'
import type { Redactor } from './redact.js'
import { retryBusy } from './retryBusy.js'

/** Where a call's token comes from, and how to get a fresh one when upstream refuses it. */
export interface TokenHandle {
  /** The token to send. */
  get(signal?: AbortSignal): Promise<string>
  /**
   * Called once when upstream answers an invalid/expired-token errcode for `stale`: drop it and
   * answer a fresh token, or `undefined` when none can be had (the error is then reported).
   */
  refresh?(stale: string, signal?: AbortSignal): Promise<string | undefined>
  /**
   * Whose token it is, for the error when `refresh` answers the stale token again: a user's
   * (then ePaaS refusing it is the user's to fix: 401 `user_token_rejected`) or a source's
   * (502 `token_not_refreshed`, the default).
   */
  kind?: 'user' | 'source'
}

/** Backoff of the busy (`-1`) retry. */
export interface RetryOptions {
  /** Milliseconds before the first retry, before jitter (x1 to x2). Default 200. */
  minDelayMs?: number
  /** Upper bound of one wait, in milliseconds. Default 2000. */
  maxDelayMs?: number
}

export interface UpstreamOptions {
  /** The ePaaS base URL. */
  baseUrl: string
  fetch?: typeof globalThis.fetch
  /** Milliseconds per upstream attempt. */
  timeoutMs: number
  errcodes?: ErrcodeTable
  retry?: RetryOptions
  emit: ProxyEventListener
  redactor: Redactor
}

/** Calls ePaaS with retries and token refresh. */
export interface Upstream {
  call<N extends EndpointName>(
    endpoint: N,
    request: EndpointTypes[N][0],
    options?: { token?: TokenHandle; signal?: AbortSignal },
  ): Promise<EndpointTypes[N][1]>
}

/** Creates the upstream caller shared by the routes, the server client and the token sources. */
export function createUpstream(options: UpstreamOptions): Upstream {
  const table = options.errcodes ?? defaultErrcodeTable
  const { emit, redactor } = options
  const client = createEpaasClient({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    onCall: (event) => emit(toUpstreamEvent(event)),
  })

  function attempt<N extends EndpointName>(
    endpoint: N,
    request: EndpointTypes[N][0],
    token: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<EndpointTypes[N][1]> {
    const linked = asAbortError(signal)
    return retryBusy(
      () => client.call(endpoint, request, { token, signal: linked?.signal }),
      {
        retries: table.maxBusyRetries,
        minDelayMs: options.retry?.minDelayMs ?? 200,
        maxDelayMs: options.retry?.maxDelayMs ?? 2000,
        isBusy: (error) =>
          error instanceof EpaasError && classifyErrcode(error.errcode, table) === 'retry',
        onRetry: ({ attempt: number, error, delayMs }) =>
          emit({
            type: 'retry',
            endpoint,
            reason: 'busy',
            attempt: number,
            errcode: (error as EpaasError).errcode,
            delayMs,
          }),
      },
      signal,
    ).finally(() => linked?.dispose())
  }

  return {
    async call(endpoint, request, { token: handle, signal } = {}) {
      const token = handle ? await handle.get(signal) : undefined
      redactor.register(token)
      try {
        return await attempt(endpoint, request, token, signal)
      } catch (error) {
        if (
          !(error instanceof EpaasError) ||
          classifyErrcode(error.errcode, table) !== 'refresh-token' ||
          !handle?.refresh ||
          token === undefined
        ) {
          throw error
        }
        const fresh = await handle.refresh(token, signal)
        if (fresh === undefined) throw error
        if (fresh === token) throw sameToken(error, handle)
        redactor.register(fresh)
        emit({
          type: 'retry',
          endpoint,
          reason: 'token',
          attempt: 1,
          errcode: error.errcode,
          delayMs: 0,
        })
        return attempt(endpoint, request, fresh, signal)
      }
    },
  }
}

/**
 * A refresh that answered the refused token again: retrying would be refused the same way. A
 * user token stays the user's problem; a token source that does this is misconfigured.
 */
function sameToken(error: EpaasError, handle: TokenHandle): Error {
  if (handle.kind === 'user') return error
  return new ProxyError(
    'token_not_refreshed',
    `ePaaS ${error.endpoint} refused the token (errcode ${error.errcode}) and its source answered the same token again after invalidate`,
    { errcode: error.errcode, cause: error },
  )
}

function toUpstreamEvent(event: CallEvent): UpstreamEvent {
  const base = {
    type: 'upstream' as const,
    endpoint: event.endpoint,
    path: event.path,
    durationMs: event.durationMs,
  }
  if (event.error === undefined) return { ...base, outcome: 'ok', errcode: 0 }
  if (event.error instanceof EpaasError) {
    return { ...base, outcome: 'errcode', errcode: event.error.errcode }
  }
  if (event.error instanceof EpaasRequestError) {
    const outcome = event.error.kind === 'invalid-input' ? 'error' : event.error.kind
    return { ...base, outcome }
  }
  return { ...base, outcome: isAbortError(event.error) ? 'aborted' : 'error' }
}

/**
 * A signal that aborts with an `AbortError` whatever reason its source gave (frameworks abort
 * with strings or plain errors), so that an abort is always recognised as one.
 */
function asAbortError(signal: AbortSignal | undefined) {
  if (!signal) return undefined
  const controller = new AbortController()
  const abort = () => {
    const reason: unknown = signal.reason
    controller.abort(
      isAbortError(reason)
        ? reason
        : new DOMException(typeof reason === 'string' ? reason : 'aborted', 'AbortError'),
    )
  }
  if (signal.aborted) abort()
  else signal.addEventListener('abort', abort, { once: true })
  return {
    signal: controller.signal,
    dispose: () => signal.removeEventListener('abort', abort),
  }
}
