/**
 * Metrics events: one callback receives everything an operator counts. Feed them to Prometheus,
 * OpenTelemetry or your logs; the proxy keeps no counters of its own.
 */
import type { EndpointName } from '@epaas-picker/protocol'

/** A request to the proxy finished (any status). */
export interface RequestEvent {
  type: 'request'
  /** The route path under the base path (e.g. `/campus/department/select`), or `unknown`. */
  route: string
  method: string
  status: number
  /** The error code answered, for statuses >= 400. */
  code?: string
  /** Wall time in milliseconds until the answer's headers (streams go on after). */
  durationMs: number
}

/** One upstream ePaaS call finished (each attempt of a retried call counts once). */
export interface UpstreamEvent {
  type: 'upstream'
  endpoint: EndpointName
  /** The ePaaS path, e.g. `/department/user/get`. */
  path: string
  /** Wall time in milliseconds. */
  durationMs: number
  /** `ok`, `errcode` (non-zero answer), or how the request failed. */
  outcome: 'ok' | 'errcode' | 'timeout' | 'http' | 'network' | 'malformed' | 'aborted' | 'error'
  /** The upstream errcode, when one was read. */
  errcode?: number
}

/** Mapping-cache lookups of one batch. */
export interface CacheEvent {
  type: 'cache'
  endpoint: EndpointName
  hits: number
  misses: number
}

/** A token was fetched (or the fetch failed). */
export interface TokenRefreshEvent {
  type: 'token-refresh'
  /** Which source: `org`, `suite`, or the name given to the source. */
  source: string
  /** Why: no token yet, the cached one reached its refresh margin, or upstream refused it. */
  reason: 'missing' | 'expiring' | 'invalid'
  ok: boolean
  durationMs: number
}

/** An upstream call is retried (errcode `-1` busy, or once after a token refresh). */
export interface RetryEvent {
  type: 'retry'
  endpoint: EndpointName
  reason: 'busy' | 'token'
  /** 1 for the first retry. */
  attempt: number
  errcode: number
  /** Milliseconds waited before the retry. */
  delayMs: number
}

/** A request was refused by the rate limiter. */
export interface RateLimitedEvent {
  type: 'rate-limited'
  route: string
  retryAfterSeconds: number
}

/** Everything {@link ProxyEventListener} receives. */
export type ProxyEvent =
  RequestEvent | UpstreamEvent | CacheEvent | TokenRefreshEvent | RetryEvent | RateLimitedEvent

/** Receives metrics events. Must not throw (errors are logged and ignored); keep it fast. */
export type ProxyEventListener = (event: ProxyEvent) => void
