/**
 * The proxy: one web-standard handler (`Request -> Response`) a school app mounts in its backend,
 * plus a server-side client. Tokens stay on the server; the browser calls an allow-list of routes.
 */
import { LRUCache } from 'lru-cache'
import pLimit from 'p-limit'
import type { CacheStore } from './cache/CacheStore.js'
import { memoryCacheStore } from './cache/CacheStore.js'
import { createCsrfGuard, type CsrfOptions } from './csrfGuard.js'
import { createMappingLookups, isMappingEndpoint } from './createMappingLookups.js'
import {
  createSchemas,
  defaultLimits,
  describeIssues,
  type ProxyLimits,
  type ResolveRequestBody,
} from './createSchemas.js'
import { createServerClient, type EpaasServerClient } from './createServerClient.js'
import { createUpstream, type RetryOptions, type TokenHandle } from './createUpstream.js'
import { resolveErrcodeTable, type ProxyErrcodeTable } from './errcodes.js'
import type { ProxyEvent, ProxyEventListener } from './events.js'
import { createDefaultLogger, createRedactingLogger, type ProxyLogger } from './logger.js'
import { ProxyError } from './ProxyError.js'
import { memoryRateLimiter, type RateLimiter } from './rateLimiter.js'
import { readJsonBody } from './readJsonBody.js'
import { createRedactor } from './redact.js'
import { resolveBaseUrl } from './resolveBaseUrl.js'
import { resolveRecipients, type ResolveEvent, type ResolveOptions } from './resolveRecipients.js'
import { errorResponse, jsonResponse, ndjsonResponse } from './responses.js'
import { routes, type Route, type RouteName } from './routes.js'
import { toProxyError } from './toProxyError.js'
import { tokenHandle, type TokenSource } from './tokens/TokenSource.js'

/** What `authorize` and `getUserToken` learn about the request's route. */
export interface RouteContext {
  /** The route's path under the base path, e.g. `/campus/department/select` or `/resolve`. */
  route: string
  /** The endpoint (client method) name, or `resolve`. */
  name: RouteName
}

/**
 * Decides whether a request may call a route. Answer `true` to allow, `false` for a 403, or a
 * `Response` of your own (e.g. a 401); throwing a {@link ProxyError} answers its status, throwing a
 * `Response` answers it.
 */
export type Authorize = (
  request: Request,
  context: RouteContext,
) => boolean | Response | Promise<boolean | Response>

/**
 * Supplies the user token (用户凭证, or the picker token) of the signed-in user, usually from your
 * session. Answer `undefined` when there is none (401 `no_user_token`). When upstream refuses the
 * token, it is called again once with `stale` set: answer a fresh token to have the call retried.
 */
export type GetUserToken = (
  request: Request,
  context: RouteContext & { stale?: string },
) => string | undefined | Promise<string | undefined>

/** Rate limiting per user. */
export interface RateLimitOptions {
  /**
   * The limiter. Default: {@link memoryRateLimiter} with `points` and `durationSeconds`. Use
   * `redisRateLimiter` from `@epaas-picker/proxy/redis` to share limits between instances.
   */
  limiter?: RateLimiter
  /** Requests per user per window, for the default limiter. Default 300. */
  points?: number
  /** Window in seconds, for the default limiter. Default 60. */
  durationSeconds?: number
  /**
   * The key a request is counted under: your session's user ID is best. Default: a SHA-256 hash
   * of the request's user token (from `getUserToken`), else `anonymous` (one shared bucket).
   */
  key?: (
    request: Request,
    context: RouteContext,
  ) => string | undefined | Promise<string | undefined>
}

/** Mapping-call batching. */
export interface MappingOptions {
  /**
   * Most IDs per upstream mapping call. Default 100: ePaaS documents no limit for these
   * endpoints, and a sibling endpoint caps its lists at 1000; 100 keeps each call small and fast.
   */
  chunkSize?: number
  /** Mapping calls in flight at once, across all mapping endpoints. Default 4. */
  concurrency?: number
  /**
   * Milliseconds a batch waits after the last lookup for more before it goes out. Default 5: each
   * lookup that arrives within 5 ms of the previous one extends the wait (up to `maxWaitMs`), so
   * lookups that arrive as separate HTTP requests, in different turns of the event loop, merge
   * (see docs/benchmarks.md). A batch with `chunkSize` lookups goes at once. `0` merges only the
   * lookups of one turn.
   */
  windowMs?: number
  /**
   * Milliseconds a batch waits at most, from its first lookup, however many keep arriving.
   * Default 50 (or 10 x `windowMs` when that is set).
   */
  maxWaitMs?: number
}

/** The mapping cache. */
export interface CacheOptions {
  /** Where entries live. Default: {@link memoryCacheStore} (an LRU of 50000 entries). */
  store?: CacheStore
  /** Seconds a found mapping is kept. Default 600. */
  ttlSeconds?: number
  /** Seconds a "no mapping" answer is kept. Default 60. */
  negativeTtlSeconds?: number
  /** Prefix of every cache key (share one Redis between apps). Default `epaas:`. */
  keyPrefix?: string
}

/** Options of {@link createEpaasProxy}. */
export interface EpaasProxyOptions {
  /**
   * The ePaaS base URL, e.g. `https://oapi.epaas.qq.com`. Default: the `EPAAS_BASE_URL`
   * environment variable. Never taken from a request.
   */
  baseUrl?: string | undefined
  /** Where the routes are mounted. Default `/api/epaas`. */
  basePath?: string | undefined
  /**
   * Required: decides who may call which route. Starting without it throws, unless
   * `dangerouslyAllowUnauthenticated` is set.
   */
  authorize?: Authorize | undefined
  /**
   * Development only: allow every request without `authorize`. Logs a loud warning at start.
   * Default `false`.
   */
  dangerouslyAllowUnauthenticated?: boolean | undefined
  /**
   * Supplies the user token for `/campus/department/select`, `/department/user/get`,
   * `/user/qywechat/get_qywx_corpid` and `/resolve`. Without it those routes answer 501.
   */
  getUserToken?: GetUserToken | undefined
  /**
   * The organisation token (机构凭证) for the mapping routes: {@link staticToken},
   * {@link tokenFromFunction} or {@link suiteTokenSource}. Without it those routes answer 501.
   */
  orgToken?: TokenSource | undefined
  /** The `fetch` used upstream. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined
  /** Milliseconds each upstream attempt may take before it fails (504). Default 10000. */
  timeoutMs?: number | undefined
  /**
   * Which upstream errcodes mean busy (retried), bad token (refreshed) and bad input (answered
   * 4xx), and how many busy retries. Fields given replace the defaults of
   * {@link defaultProxyErrcodeTable}: `busy: [-1]`, `invalidToken: [40014, 42001]`,
   * `maxBusyRetries: 3`, `input: { 40058: 'upstream_bad_request', 60003: 'upstream_not_found',
   * 60011: 'upstream_forbidden' }`.
   */
  errcodes?: Partial<ProxyErrcodeTable> | undefined
  /** Backoff of the busy (`-1`) retry. */
  retry?: RetryOptions | undefined
  /** Batching of mapping calls. */
  mapping?: MappingOptions | undefined
  /** The mapping cache, or `false` for none. Default: in memory. */
  cache?: CacheOptions | false | undefined
  /** Tuning of `resolve`. */
  resolve?: ResolveOptions | undefined
  /** Body and list bounds. Defaults: see {@link defaultLimits}. */
  limits?: Partial<ProxyLimits> | undefined
  /** The CSRF guard, or `false` for none. Default: same-origin or the `x-epaas-proxy` header. */
  csrf?: CsrfOptions | false | undefined
  /** Per-user rate limiting, or `false` for none. Default: 300 requests per minute per user. */
  rateLimit?: RateLimitOptions | false | undefined
  /**
   * Forward `is_get_all_student: true` (a privileged select that lists every student) from the
   * browser. Default `false`: such requests answer 403.
   */
  allowGetAllStudent?: boolean | undefined
  /** Where logs go: pino or any pino-compatible logger. Default: pino to stdout. Always redacted. */
  logger?: ProxyLogger | undefined
  /** Metrics events (requests, upstream calls, cache, token refreshes, retries). */
  onEvent?: ProxyEventListener | undefined
}

/** What {@link createEpaasProxy} answers. */
export interface EpaasProxy {
  /** The web-standard handler. Answers 404 for anything outside `basePath`. */
  handle(request: Request): Promise<Response>
  /** Typed calls for server code, tokens handled. */
  client: EpaasServerClient
  /** The mount path, e.g. `/api/epaas`. */
  basePath: string
  /** Stops accepting requests (503) and releases resources. */
  close(): Promise<void>
}

/**
 * Creates the proxy.
 *
 * @example
 * const proxy = createEpaasProxy({
 *   baseUrl: 'https://oapi.epaas.qq.com',
 *   authorize: (request) => sessions.has(request),
 *   getUserToken: (request) => sessions.get(request)?.epaasUserToken,
 *   orgToken: suiteTokenSource({ ...credentials, getSuiteTicket }),
 * })
 * app.use(expressEpaasProxy(proxy))
 */
export function createEpaasProxy(options: EpaasProxyOptions): EpaasProxy {
  const baseUrl = resolveBaseUrl(options.baseUrl, 'createEpaasProxy')
  const basePath = normalizeBasePath(options.basePath ?? '/api/epaas')
  const redactor = createRedactor()
  const logger = createRedactingLogger(options.logger ?? createDefaultLogger(), redactor)

  if (!options.authorize && !options.dangerouslyAllowUnauthenticated) {
    throw new TypeError(
      'createEpaasProxy: `authorize` is required (set dangerouslyAllowUnauthenticated: true for local development only)',
    )
  }
  if (!options.authorize) {
    const warning =
      'EPAAS PROXY RUNS WITHOUT AUTHORIZATION: anyone who can reach it can read the address book. ' +
      'Never do this outside local development.'
    logger.warn({ dangerouslyAllowUnauthenticated: true }, warning)
    if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
      process.emitWarning(warning, { code: 'EPAAS_PROXY_UNAUTHENTICATED' })
    }
  }

  const emit: ProxyEventListener = (event: ProxyEvent) => {
    if (!options.onEvent) return
    try {
      options.onEvent(event)
    } catch (error) {
      logger.error({ err: error }, 'onEvent threw')
    }
  }

  const limits: ProxyLimits = { ...defaultLimits, ...options.limits }
  const errcodes = resolveErrcodeTable(options.errcodes)
  const schemas = createSchemas(limits)
  const upstream = createUpstream({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    errcodes,
    retry: options.retry,
    emit,
    redactor,
  })

  const { orgToken: orgSource } = options
  orgSource?.attach?.({ emit, logger, redactor, upstream })
  const orgHandle = orgSource && tokenHandle(orgSource)
  const orgToken = (): TokenHandle => {
    if (!orgHandle) {
      throw new ProxyError('not_configured', 'no orgToken source is configured for mapping calls')
    }
    return orgHandle
  }

  const cacheOptions = options.cache === false ? undefined : (options.cache ?? {})
  const mapping = createMappingLookups({
    upstream,
    orgToken,
    chunkSize: options.mapping?.chunkSize ?? 100,
    windowMs: options.mapping?.windowMs ?? 5,
    maxWaitMs: options.mapping?.maxWaitMs ?? (options.mapping?.windowMs ?? 5) * 10,
    limit: pLimit(options.mapping?.concurrency ?? 4),
    cache: cacheOptions && {
      store: cacheOptions.store ?? memoryCacheStore(),
      keyPrefix: cacheOptions.keyPrefix ?? 'epaas:',
      ttlMs: (cacheOptions.ttlSeconds ?? 600) * 1000,
      negativeTtlMs: (cacheOptions.negativeTtlSeconds ?? 60) * 1000,
    },
    emit,
    inputErrcodes: new Set(Object.keys(errcodes.input).map(Number)),
  })

  const resolveOptions = options.resolve ?? {}
  const client = createServerClient({
    upstream,
    mapping,
    orgToken,
    schemas,
    maxRecipients: limits.resolveRecipients,
    maxSubOrganizations: limits.resolveSubOrganizations,
    resolveOptions,
  })

  const csrfGuard = createCsrfGuard(options.csrf)
  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? {})
  const limiter =
    rateLimit &&
    (rateLimit.limiter ??
      memoryRateLimiter({ points: rateLimit.points, durationSeconds: rateLimit.durationSeconds }))
  let closed = false

  async function serve(request: Request, route: Route): Promise<Response> {
    const context: RouteContext = { route: route.path, name: route.name }
    csrfGuard(request)

    if (options.authorize) {
      let verdict: boolean | Response
      try {
        verdict = await options.authorize(request, context)
      } catch (thrown) {
        if (thrown instanceof Response) return thrown
        throw thrown
      }
      if (verdict instanceof Response) return verdict
      if (verdict !== true) throw new ProxyError('forbidden', 'not allowed to call this route')
    }

    let userToken: string | undefined
    if (options.getUserToken && (route.token === 'user' || (rateLimit && !rateLimit.key))) {
      userToken = (await options.getUserToken(request, context)) || undefined
      redactor.register(userToken)
    }

    if (limiter) {
      const key = (await rateLimit?.key?.(request, context)) ?? (await hashKey(userToken))
      const decision = await limiter.consume(`${key}`)
      if (!decision.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        emit({ type: 'rate-limited', route: route.path, retryAfterSeconds })
        throw new ProxyError('rate_limited', `too many requests; retry in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        })
      }
    }

    const maxBytes = route.name === 'resolve' ? limits.resolveBodyBytes : limits.bodyBytes
    const raw = await readJsonBody(request, maxBytes, limits.bodyTimeoutMs)
    const schema = schemas[route.name]
    const parsed = schema.safeParse(route.name === 'getQywxCorpid' && raw === undefined ? {} : raw)
    if (!parsed.success) throw new ProxyError('invalid_body', describeIssues(parsed.error))
    const body = parsed.data as Record<string, unknown>

    let userHandle: TokenHandle | undefined
    if (route.token === 'user') {
      if (!options.getUserToken) {
        throw new ProxyError('not_configured', 'getUserToken is not configured')
      }
      if (!userToken) throw new ProxyError('no_user_token', 'no user token for this request')
      const getUserToken = options.getUserToken
      const first = userToken
      userHandle = {
        kind: 'user',
        get: async () => first,
        refresh: async (stale) => {
          const fresh = (await getUserToken(request, { ...context, stale })) || undefined
          redactor.register(fresh)
          return fresh
        },
      }
    }

    const signal = request.signal
    switch (route.name) {
      case 'selectDepartments':
        if (body.is_get_all_student === true && !options.allowGetAllStudent) {
          throw new ProxyError('forbidden', 'is_get_all_student is not allowed by this proxy')
        }
        return ok(await upstream.call('selectDepartments', body, { token: userHandle, signal }))
      case 'getDepartmentUsers':
        return ok(
          await upstream.call('getDepartmentUsers', body as never, { token: userHandle, signal }),
        )
      case 'getQywxCorpid':
        return ok(await upstream.call('getQywxCorpid', undefined, { token: userHandle, signal }))
      case 'resolve':
        return streamResolve(
          resolveRecipients(
            body as ResolveRequestBody,
            {
              upstream,
              userToken: userHandle as TokenHandle,
              mapping,
              maxRecipients: limits.resolveRecipients,
              maxSubOrganizations: limits.resolveSubOrganizations,
              options: resolveOptions,
            },
            signal,
          ),
        )
      default:
        if (isMappingEndpoint(route.name)) {
          return ok(await mapping(route.name, body as never, signal))
        }
        throw new ProxyError('not_found', 'no such route')
    }
  }

  /** Starts the stream only once the first event is in, so early failures get a real status. */
  async function streamResolve(events: AsyncGenerator<ResolveEvent>): Promise<Response> {
    const first = await events.next()
    const encoder = new TextEncoder()
    const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`)
    let pending: IteratorResult<ResolveEvent> | undefined = first
    return ndjsonResponse(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const result = pending ?? (await events.next())
            pending = undefined
            if (result.done) controller.close()
            else controller.enqueue(line(result.value))
          } catch (error) {
            const failure = toProxyError(error, redactor, errcodes)
            logFailure(failure, '/resolve')
            controller.enqueue(line({ type: 'error', ...failure.toJSON() }))
            controller.close()
          }
        },
        async cancel() {
          await events.return(undefined)
        },
      }),
    )
  }

  function logFailure(error: ProxyError, route: string) {
    if (error.status < 500 && error.details.errcode !== undefined) {
      // Upstream refused the caller's input or user token: worth seeing, not an alert.
      logger.info({ route, code: error.code, errcode: error.details.errcode }, error.message)
    } else if (error.status >= 500 && error.code !== 'internal_error') {
      logger.warn(
        { route, code: error.code, errcode: error.details.errcode, err: error.cause },
        error.message,
      )
    } else if (error.code === 'internal_error') {
      logger.error({ route, err: error.cause }, 'internal error')
    }
  }

  async function handle(request: Request): Promise<Response> {
    const started = performance.now()
    const url = new URL(request.url)
    const path = url.pathname.startsWith(`${basePath}/`)
      ? url.pathname.slice(basePath.length)
      : undefined
    const route = path === undefined ? undefined : routes.get(path)
    const routeName = route?.path ?? 'unknown'
    let response: Response
    let code: string | undefined
    try {
      if (closed) throw new ProxyError('unavailable', 'the proxy is shutting down')
      if (!route) throw new ProxyError('not_found', 'no such route')
      if (!route.methods.includes(request.method)) {
        throw new ProxyError('method_not_allowed', `use ${route.methods.join(' or ')}`, {
          allow: [...route.methods],
        })
      }
      response = await serve(request, route)
    } catch (error) {
      const failure = toProxyError(error, redactor, errcodes)
      logFailure(failure, routeName)
      code = failure.code
      response = errorResponse(failure)
    }
    const durationMs = performance.now() - started
    emit({
      type: 'request',
      route: routeName,
      method: request.method,
      status: response.status,
      ...(code ? { code } : {}),
      durationMs,
    })
    logger.debug(
      { route: routeName, method: request.method, status: response.status, durationMs },
      'request',
    )
    return response
  }

  return {
    handle,
    client,
    basePath,
    async close() {
      closed = true
    },
  }
}

function ok(answer: unknown): Response {
  return jsonResponse(200, answer)
}

function normalizeBasePath(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, '')}`
  return trimmed === '/' ? '' : trimmed
}

// Hashing costs a WebCrypto job per request; a user sends many requests with one token.
const hashedKeys = new LRUCache<string, string>({ max: 10_000 })

async function hashKey(userToken: string | undefined): Promise<string> {
  if (!userToken) return 'anonymous'
  const known = hashedKeys.get(userToken)
  if (known) return known
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(userToken))
  const key = `user:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`
  hashedKeys.set(userToken, key)
  return key
}
