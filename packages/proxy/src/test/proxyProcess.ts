/**
 * A proxy in a process of its own, as an app would run it: the Node adapter on loopback (port 0),
 * the suite token flow against the mock, and, given a Redis URL, the Redis token store, cache and
 * rate limiter. Run by {@link startProxyProcess} for the multi-process and load tests.
 *
 * Configuration comes as JSON in `EPAAS_PROXY_PROCESS` ({@link ProxyProcessConfig}). Once
 * listening it prints `{"url": ...}` on stdout. Outside the base path it answers
 * `GET /__process/stats` (Redis connection state, heap, metrics events by type) and
 * `POST /__process/gc` (collects garbage when started with `--expose-gc`, answers the heap).
 */
import { createServer } from 'node:http'
import { getHeapSpaceStatistics } from 'node:v8'
import type { AddressInfo } from 'node:net'
import { Redis } from 'ioredis'
import { pino } from 'pino'
import { nodeEpaasProxy } from '../adapters/nodeEpaasProxy.js'
import { createEpaasProxy } from '../createEpaasProxy.js'
import type { ProxyEvent } from '../events.js'
import { redisCacheStore, redisRateLimiter, redisTokenStore } from '../redis.js'
import { suiteTokenSource } from '../tokens/suiteTokenSource.js'

/** What {@link startProxyProcess} passes to the process. */
export interface ProxyProcessConfig {
  /** A name for its log lines. */
  name: string
  /** The mock ePaaS (base URL). */
  mockUrl: string
  /** The suite credentials the mock accepts (`mock.credentials`). */
  credentials: {
    suite_id: string
    suite_secret: string
    suite_ticket: string
    auth_corpid: string
    permanent_code: string
  }
  /** Share tokens, cache and rate limits through this Redis; memory only without it. */
  redisUrl?: string
  /** Prefix of every Redis key (one per test run). */
  keyPrefix?: string
  /** Requests per user per minute; no rate limit without it. */
  rateLimitPoints?: number
  /** Extra proxy logging level (stderr). Default `warn`. */
  logLevel?: string
}

const STATS_PATH = '/__process/stats'
const GC_PATH = '/__process/gc'

const config = JSON.parse(process.env.EPAAS_PROXY_PROCESS ?? '{}') as ProxyProcessConfig
const logger = pino({ level: config.logLevel ?? 'warn', name: config.name }, pino.destination(2))

const redis =
  config.redisUrl === undefined
    ? undefined
    : new Redis(config.redisUrl, {
        // Reconnect quickly once Redis is back; fail a command fast meanwhile.
        retryStrategy: () => 100,
        maxRetriesPerRequest: 1,
      })
// Redis going away is expected in the tests; the stores report it themselves.
redis?.on('error', () => undefined)

const prefix = config.keyPrefix ?? 'epaas:'
const eventCounts: Record<string, number> = {}
const proxy = createEpaasProxy({
  baseUrl: config.mockUrl,
  authorize: () => true,
  getUserToken: (request) => request.headers.get('x-test-user-token') ?? undefined,
  orgToken: suiteTokenSource({
    suite_id: config.credentials.suite_id,
    suite_secret: config.credentials.suite_secret,
    getSuiteTicket: () => config.credentials.suite_ticket,
    auth_corpid: config.credentials.auth_corpid,
    permanent_code: config.credentials.permanent_code,
    ...(redis ? { store: redisTokenStore(redis, { keyPrefix: prefix }) } : {}),
  }),
  cache: redis ? { store: redisCacheStore(redis), keyPrefix: prefix } : {},
  rateLimit:
    config.rateLimitPoints === undefined
      ? false
      : {
          limiter: redis
            ? redisRateLimiter(redis, { points: config.rateLimitPoints, keyPrefix: prefix })
            : undefined,
          points: config.rateLimitPoints,
        },
  retry: { minDelayMs: 5, maxDelayMs: 20 },
  logger,
  onEvent: (event: ProxyEvent) => {
    eventCounts[event.type] = (eventCounts[event.type] ?? 0) + 1
  },
})

const handler = nodeEpaasProxy(proxy)
const gc = (globalThis as { gc?: () => void }).gc

const server = createServer((req, res) => {
  if (req.url === STATS_PATH || req.url === GC_PATH) {
    if (req.url === GC_PATH && gc) {
      // Twice: the first pass lets finalizers run, the second collects what they freed.
      gc()
      gc()
    }
    res.setHeader('content-type', 'application/json')
    res.end(
      JSON.stringify({
        name: config.name,
        redis: redis?.status ?? 'none',
        heapUsed: process.memoryUsage().heapUsed,
        // Compiled code is part of the heap: it grows while the JIT optimises, not with requests.
        codeUsed: getHeapSpaceStatistics()
          .filter((space) => space.space_name.startsWith('code'))
          .reduce((sum, space) => sum + space.space_used_size, 0),
        gc: gc !== undefined,
        events: eventCounts,
      }),
    )
    return
  }
  handler(req, res)
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`)
})

function shutdown() {
  server.closeAllConnections()
  server.close()
  void proxy.close()
  redis?.disconnect()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
// The parent went away without stopping us: do not linger.
process.on('disconnect', shutdown)
