import { requestEncoders, InvalidRequestError } from './encode.js'
import { endpoints, type EndpointName, type TokenKind } from './endpoints.js'
import { EpaasError, EpaasRequestError } from './errors.js'
import { MalformedResponseError, normalizeEnvelope, normalizeResponse } from './normalize.js'
import type { EndpointTypes } from './types.js'

/** Supplies the token for a call. Return `undefined` to send none (e.g. when calling a proxy). */
export type TokenProvider = (context: {
  /** The kind of credential the endpoint takes. */
  kind: TokenKind
  endpoint: EndpointName
}) => string | undefined | Promise<string | undefined>

export interface EpaasClientOptions {
  /**
   * Where requests go: the ePaaS host (`https://oapi.epaas.qq.com`), a mock, or a proxy mount
   * such as `/api/epaas`. Endpoint paths are appended to it.
   */
  baseUrl: string
  /** The `fetch` to use. Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined
  /**
   * The token sent as `access_token` (or `suite_access_token` for `getCorpToken`): a fixed
   * string, or a function asked before every call. Omit it when calling a proxy, which adds
   * tokens on the server.
   */
  token?: string | TokenProvider | undefined
  /** Milliseconds before a call fails with an `EpaasRequestError` of kind `timeout`. Default 10000. */
  timeoutMs?: number | undefined
  /** Extra headers for every request, e.g. a CSRF header a proxy requires. */
  headers?: Record<string, string> | undefined
  /** Called once per finished call, successful or not; for logging and metrics. Never sees the token. */
  onCall?: ((event: CallEvent) => void) | undefined
}

/** What {@link EpaasClientOptions.onCall} receives. */
export interface CallEvent {
  endpoint: EndpointName
  path: string
  /** Wall time in milliseconds. */
  durationMs: number
  /** The upstream errcode when an envelope was read. */
  errcode?: number
  /** The error thrown, if the call failed. */
  error?: unknown
}

/** Per-call options. */
export interface CallOptions {
  /** Cancels the call; the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** A token for this call only, instead of the client's. */
  token?: string
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number
}

type Method<N extends EndpointName> = EndpointTypes[N][0] extends void
  ? (options?: CallOptions) => Promise<EndpointTypes[N][1]>
  : (request: EndpointTypes[N][0], options?: CallOptions) => Promise<EndpointTypes[N][1]>

/** A typed client: one method per endpoint (see `endpoints`), plus `call` by name. */
export type EpaasClient = { [N in EndpointName]: Method<N> } & {
  /** Calls an endpoint by name. */
  call<N extends EndpointName>(
    endpoint: N,
    request: EndpointTypes[N][0],
    options?: CallOptions,
  ): Promise<EndpointTypes[N][1]>
}

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Creates a typed ePaaS client on `fetch`. Works in browsers and Node 20.
 *
 * Each method encodes its request the way the seed shows it, puts the token in the query, and
 * answers the normalised response (string IDs, arrays always present). Non-zero errcodes throw
 * {@link EpaasError}; HTTP errors, timeouts, network failures and malformed JSON throw
 * {@link EpaasRequestError}; an aborted signal rejects with its reason.
 *
 * @example
 * const epaas = createEpaasClient({ baseUrl: 'https://oapi.epaas.qq.com', token: userToken })
 * const { node_list } = await epaas.selectDepartments({ id: '0', select_type: 0 })
 *
 * @example
 * // In the browser, through the proxy (tokens stay on the server):
 * const epaas = createEpaasClient({ baseUrl: '/api/epaas' })
 */
export function createEpaasClient(options: EpaasClientOptions): EpaasClient {
  // Three small closures over the options (the token, reporting a call, sending it) and the
  // endpoints' methods made from the table.
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  async function resolveToken(endpoint: EndpointName, perCall?: string) {
    if (perCall !== undefined) return perCall
    const { token } = options
    if (typeof token === 'function') return token({ kind: endpoints[endpoint].token, endpoint })
    return token
  }

  async function call<N extends EndpointName>(
    endpoint: N,
    request: EndpointTypes[N][0],
    callOptions: CallOptions = {},
  ): Promise<EndpointTypes[N][1]> {
    const started = Date.now()
    const report = (event: Pick<CallEvent, 'errcode' | 'error'>) =>
      options.onCall?.({
        endpoint,
        path: endpoints[endpoint].path,
        durationMs: Date.now() - started,
        ...event,
      })
    try {
      const result = await send(endpoint, request, callOptions)
      report({ errcode: result.errcode })
      return result
    } catch (error) {
      report({ errcode: error instanceof EpaasError ? error.errcode : undefined, error })
      throw error
    }
  }

  async function send<N extends EndpointName>(
    endpoint: N,
    request: EndpointTypes[N][0],
    callOptions: CallOptions,
  ): Promise<EndpointTypes[N][1]> {
    const spec = endpoints[endpoint]
    const body = encodeBody(endpoint, request)
    const token = await resolveToken(endpoint, callOptions.token)
    const query = token
      ? `?${spec.token === 'suite' ? 'suite_access_token' : 'access_token'}=${encodeURIComponent(token)}`
      : ''
    const url = `${baseUrl}${spec.path}${query}`

    const { signal, cancel, timedOut } = withTimeout(
      callOptions.signal,
      callOptions.timeoutMs ?? timeoutMs,
    )
    const fetchImpl = options.fetch ?? globalThis.fetch
    try {
      const init: RequestInit = {
        method: spec.method,
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        body: body ? JSON.stringify(body) : undefined,
        signal,
      }
      let response: Response
      let text: string
      try {
        response = await fetchImpl(url, init)
        text = await response.text()
      } catch (error) {
        throw failedRequest(error, spec.path, {
          aborted: callOptions.signal,
          timedOut: timedOut(),
          timeoutMs: callOptions.timeoutMs ?? timeoutMs,
        })
      }
      return parse(endpoint, response, text)
    } finally {
      cancel()
    }
  }

  const client = { call } as EpaasClient
  for (const name of Object.keys(endpoints) as EndpointName[]) {
    const method =
      endpoints[name].method === 'GET'
        ? (callOptions?: CallOptions) => call(name, undefined as never, callOptions)
        : (request: never, callOptions?: CallOptions) => call(name, request, callOptions)
    Object.assign(client, { [name]: method })
  }
  return client
}

/** A request's JSON body, encoded from its typed form; bad input is an `invalid-input` error. */
function encodeBody<N extends EndpointName>(
  endpoint: N,
  request: EndpointTypes[N][0],
): Record<string, unknown> | undefined {
  const encode = requestEncoders[endpoint] as (r: unknown) => Record<string, unknown> | undefined
  try {
    return encode(request)
  } catch (error) {
    if (error instanceof InvalidRequestError) {
      const { path } = endpoints[endpoint]
      throw new EpaasRequestError('invalid-input', path, error.message, { cause: error })
    }
    throw error
  }
}

/**
 * What a fetch that threw becomes: the caller's abort reason, a timeout, or a network error.
 */
function failedRequest(
  error: unknown,
  path: string,
  how: { aborted: AbortSignal | undefined; timedOut: boolean; timeoutMs: number },
): unknown {
  if (how.aborted?.aborted) return how.aborted.reason ?? error
  if (how.timedOut) {
    return new EpaasRequestError('timeout', path, `no answer within ${how.timeoutMs} ms`)
  }
  return new EpaasRequestError('network', path, `request failed: ${errorMessage(error)}`, {
    cause: error,
  })
}

function parse<N extends EndpointName>(
  endpoint: N,
  response: Response,
  text: string,
): EndpointTypes[N][1] {
  const { path } = endpoints[endpoint]
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }

  if (!response.ok) {
    // A proxy answers `{ error: { code, message } }`; upstream gateways answer HTML or nothing.
    const error = (json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
    const message = typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`
    throw new EpaasRequestError('http', path, message, {
      status: response.status,
      code: typeof error?.code === 'string' ? error.code : undefined,
    })
  }
  if (json === undefined) {
    throw new EpaasRequestError(
      'malformed',
      path,
      `answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`,
    )
  }
  try {
    const envelope = normalizeEnvelope(json)
    if (envelope.errcode !== 0) throw new EpaasError(envelope.errcode, envelope.errmsg, path)
    return normalizeResponse(endpoint, json)
  } catch (error) {
    if (error instanceof MalformedResponseError) {
      throw new EpaasRequestError('malformed', path, `malformed answer: ${error.message}`, {
        cause: error,
      })
    }
    throw error
  }
}

/** Combines the caller's signal with a timeout, without relying on `AbortSignal.any`. */
function withTimeout(outer: AbortSignal | undefined, ms: number) {
  const controller = new AbortController()
  let didTimeOut = false
  const onAbort = () => controller.abort(outer?.reason)
  if (outer?.aborted) controller.abort(outer.reason)
  else outer?.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => {
    didTimeOut = true
    controller.abort(new DOMException('timed out', 'TimeoutError'))
  }, ms)
  return {
    signal: controller.signal,
    timedOut: () => didTimeOut,
    cancel: () => {
      clearTimeout(timer)
      outer?.removeEventListener('abort', onAbort)
    },
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
