/**
 * Prometheus metrics for the proxy (prom-client): counters and histograms fed by the proxy's
 * `onEvent` hook, and the text exposition an app mounts at `/metrics`.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ProxyEvent, ProxyEventListener } from './events.js'

/** Options of {@link prometheusMetrics}. */
export interface PrometheusMetricsOptions {
  /**
   * Where the metrics are registered. Default: a registry of their own (not prom-client's global
   * one), so that two proxies or a test never collide. Pass yours to expose them with the rest.
   */
  registry?: Registry
  /** Prefix of every metric name. Default `epaas_proxy_`. */
  prefix?: string
  /**
   * Buckets of the duration histograms, in seconds. Default: 5 ms to 10 s
   * (`[0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]`).
   */
  buckets?: number[]
}

/** The metrics, their registry, and what an app mounts. */
export interface PrometheusMetrics {
  /** Feeds the metrics: pass as the proxy's `onEvent` (or call it from yours). */
  onEvent: ProxyEventListener
  /**
   * Counts a Redis store falling back to memory and raises `redis_fallback`: pass as `onError` of
   * the Redis stores. Also writes the stores' usual warning (at most every 30 s per operation).
   */
  onStoreError: (error: unknown, operation: string) => void
  /** Lowers `redis_fallback` again: pass as `onRecover` of the Redis stores. */
  onStoreRecover: (operation: string) => void
  /** The registry holding the metrics. */
  registry: Registry
  /** The exposition's content type (`text/plain; version=0.0.4; charset=utf-8`). */
  contentType: string
  /** The text exposition of every metric of the registry. */
  metrics(): Promise<string>
  /** A web handler answering the exposition (`GET /metrics`), for any adapter or framework. */
  handle(request?: Request): Promise<Response>
}

const defaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

/**
 * Prometheus metrics an operator expects from the proxy:
 *
 * | metric | type | labels |
 * | --- | --- | --- |
 * | `epaas_proxy_requests_total` | counter | `route`, `method`, `status`, `code` |
 * | `epaas_proxy_request_duration_seconds` | histogram | `route` |
 * | `epaas_proxy_upstream_requests_total` | counter | `endpoint`, `outcome`, `errcode` |
 * | `epaas_proxy_upstream_duration_seconds` | histogram | `endpoint`, `outcome` |
 * | `epaas_proxy_cache_lookups_total` | counter | `endpoint`, `result` (`hit`, `miss`) |
 * | `epaas_proxy_token_refreshes_total` | counter | `source`, `reason`, `ok` |
 * | `epaas_proxy_token_refresh_duration_seconds` | histogram | `source` |
 * | `epaas_proxy_retries_total` | counter | `endpoint`, `reason` (`busy`, `token`) |
 * | `epaas_proxy_rate_limited_total` | counter | `route` |
 * | `epaas_proxy_redis_fallbacks_total` | counter | `operation` |
 * | `epaas_proxy_redis_fallback` | gauge | `operation` (1 while on memory) |
 *
 * @example
 * import { prometheusMetrics } from '@epaas-picker/proxy/prometheus'
 * const metrics = prometheusMetrics()
 * const proxy = createEpaasProxy({ ...options, onEvent: metrics.onEvent })
 * app.get('/metrics', async (_req, res) => {
 *   res.type(metrics.contentType).send(await metrics.metrics())
 * })
 */
export function prometheusMetrics(options: PrometheusMetricsOptions = {}): PrometheusMetrics {
  const registry = options.registry ?? new Registry()
  const prefix = options.prefix ?? 'epaas_proxy_'
  const buckets = options.buckets ?? defaultBuckets
  const registers = [registry]

  const requests = new Counter({
    name: `${prefix}requests_total`,
    help: 'Requests answered by the proxy, by route, method, HTTP status and error code',
    labelNames: ['route', 'method', 'status', 'code'] as const,
    registers,
  })
  const requestDuration = new Histogram({
    name: `${prefix}request_duration_seconds`,
    help: 'Time until the answer headers, by route (a resolve stream goes on after)',
    labelNames: ['route'] as const,
    buckets,
    registers,
  })
  const upstream = new Counter({
    name: `${prefix}upstream_requests_total`,
    help: 'Upstream ePaaS calls (each attempt), by endpoint, outcome and errcode',
    labelNames: ['endpoint', 'outcome', 'errcode'] as const,
    registers,
  })
  const upstreamDuration = new Histogram({
    name: `${prefix}upstream_duration_seconds`,
    help: 'Upstream ePaaS call latency (each attempt), by endpoint and outcome',
    labelNames: ['endpoint', 'outcome'] as const,
    buckets,
    registers,
  })
  const cache = new Counter({
    name: `${prefix}cache_lookups_total`,
    help: 'Mapping cache lookups by endpoint and result (hit or miss)',
    labelNames: ['endpoint', 'result'] as const,
    registers,
  })
  const tokenRefreshes = new Counter({
    name: `${prefix}token_refreshes_total`,
    help: 'Token fetches by source, reason (missing, expiring, invalid) and success',
    labelNames: ['source', 'reason', 'ok'] as const,
    registers,
  })
  const tokenRefreshDuration = new Histogram({
    name: `${prefix}token_refresh_duration_seconds`,
    help: 'Token fetch time by source',
    labelNames: ['source'] as const,
    buckets,
    registers,
  })
  const retries = new Counter({
    name: `${prefix}retries_total`,
    help: 'Upstream calls retried, by endpoint and reason (busy, token)',
    labelNames: ['endpoint', 'reason'] as const,
    registers,
  })
  const rateLimited = new Counter({
    name: `${prefix}rate_limited_total`,
    help: 'Requests refused by the rate limiter, by route',
    labelNames: ['route'] as const,
    registers,
  })
  const fallbacks = new Counter({
    name: `${prefix}redis_fallbacks_total`,
    help: 'Redis store operations served from process memory instead, by operation',
    labelNames: ['operation'] as const,
    registers,
  })
  const fallbackActive = new Gauge({
    name: `${prefix}redis_fallback`,
    help: '1 while a Redis store operation falls back to process memory, else 0',
    labelNames: ['operation'] as const,
    registers,
  })

  const onEvent = (event: ProxyEvent) => {
    switch (event.type) {
      case 'request':
        requests.inc({
          route: event.route,
          method: event.method,
          status: String(event.status),
          code: event.code ?? '',
        })
        requestDuration.observe({ route: event.route }, event.durationMs / 1000)
        return
      case 'upstream':
        upstream.inc({
          endpoint: event.endpoint,
          outcome: event.outcome,
          errcode: event.errcode === undefined ? '' : String(event.errcode),
        })
        upstreamDuration.observe(
          { endpoint: event.endpoint, outcome: event.outcome },
          event.durationMs / 1000,
        )
        return
      case 'cache':
        if (event.hits > 0) cache.inc({ endpoint: event.endpoint, result: 'hit' }, event.hits)
        if (event.misses > 0) cache.inc({ endpoint: event.endpoint, result: 'miss' }, event.misses)
        return
      case 'token-refresh':
        tokenRefreshes.inc({ source: event.source, reason: event.reason, ok: String(event.ok) })
        tokenRefreshDuration.observe({ source: event.source }, event.durationMs / 1000)
        return
      case 'retry':
        retries.inc({ endpoint: event.endpoint, reason: event.reason })
        return
      case 'rate-limited':
        rateLimited.inc({ route: event.route })
        return
    }
  }

  const warnedAt = new Map<string, number>()
  const onStoreError = (error: unknown, operation: string) => {
    fallbacks.inc({ operation })
    fallbackActive.set({ operation }, 1)
    const now = Date.now()
    if (now - (warnedAt.get(operation) ?? 0) < 30_000) return
    warnedAt.set(operation, now)
    const message = error instanceof Error ? error.message : String(error)
    console.warn(`[epaas-proxy] Redis ${operation} failed (${message}); using in-process fallback`)
  }
  const onStoreRecover = (operation: string) => {
    fallbackActive.set({ operation }, 0)
    console.warn(`[epaas-proxy] Redis ${operation} works again; sharing resumed`)
  }

  return {
    onEvent,
    onStoreError,
    onStoreRecover,
    registry,
    contentType: registry.contentType,
    metrics: () => registry.metrics(),
    async handle() {
      return new Response(await registry.metrics(), {
        status: 200,
        headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
      })
    },
  }
}
