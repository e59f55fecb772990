/**
 * The options of `createEpaasProxy` and what it answers: the proxy's public configuration
 * surface, each option with its default.
 */
import type { CacheStore } from './cache/CacheStore.js'
import type { EpaasServerClient } from './createServerClient.js'
import type { ProxyLimits } from './createSchemas.js'
import type { CsrfOptions } from './csrfGuard.js'
import type { RetryOptions } from './createUpstream.js'
import type { ProxyErrcodeTable } from './errcodes.js'
import type { ProxyEventListener } from './events.js'
import type { ProxyLogger } from './logger.js'
import type { RateLimiter } from './rateLimiter.js'
import type { ResolveOptions } from './resolveRecipients.js'
import type { RouteName } from './routes.js'
import type { TokenSource } from './tokens/TokenSource.js'

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
   * The limiter. Default: `memoryRateLimiter` with `points` and `durationSeconds`. Use
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
  /** Where entries live. Default: `memoryCacheStore` (an LRU of 50000 entries). */
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
   * The organisation token (机构凭证) for the mapping routes: `staticToken`,
   * `tokenFromFunction` or `suiteTokenSource`. Without it those routes answer 501.
   */
  orgToken?: TokenSource | undefined
  /** The `fetch` used upstream. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined
  /** Milliseconds each upstream attempt may take before it fails (504). Default 10000. */
  timeoutMs?: number | undefined
  /**
   * Which upstream errcodes mean busy (retried), bad token (refreshed) and bad input (answered
   * 4xx), and how many busy retries. Fields given replace the defaults of
   * `defaultProxyErrcodeTable`: `busy: [-1]`, `invalidToken: [40014, 42001]`,
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
  /** Body and list bounds. Defaults: see `defaultLimits`. */
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
  /**
   * Shuts the proxy down: new requests answer 503 `unavailable`; lookups waiting in a batch
   * window go out at once (no timer is left behind); resolves when the requests in flight have
   * their answers (a streamed resolve then runs to its end). The proxy opens no Redis connection
   * or subscription of its own: the Redis client, stores and token sources you passed in stay
   * yours to close.
   */
  close(): Promise<void>
}
