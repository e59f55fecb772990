/**
 * Redis-backed stores (ioredis), so that several proxy instances share one org token, one
 * refresh lock, the mapping cache and the rate limits.
 *
 * Every store falls back to this process's memory while Redis fails, is not connected, or is
 * slower than `commandTimeoutMs`, and reports it through `onError` (by default a warning at most
 * every 30 s): requests keep working, each instance on its own, until Redis is back; then
 * sharing resumes by itself (ioredis reconnects) and `onRecover` says so.
 */
import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'
import { memoryCacheStore, type CacheStore } from './cache/CacheStore.js'
import {
  fromRateLimiterFlexible,
  type RateLimiter,
  type RateLimiterOptions,
} from './rateLimiter.js'
import { memoryTokenStore, type StoredToken, type TokenStore } from './tokens/TokenStore.js'

/** Options shared by the Redis stores. */
export interface RedisStoreOptions {
  /** Prefix of every key. Default `epaas:`. */
  keyPrefix?: string
  /** Milliseconds a Redis command may take before the in-memory fallback is used. Default 1000. */
  commandTimeoutMs?: number
  /**
   * Told when Redis fails (or its connection is not ready) and the fallback is used. Default:
   * `console.warn`, at most once every 30 seconds per store.
   */
  onError?: (error: unknown, operation: string) => void
  /**
   * Told when Redis answers again after a failure: sharing has resumed. Default: `console.warn`
   * (once per outage and store).
   */
  onRecover?: (operation: string) => void
}

function throttledWarning() {
  let last = 0
  return (error: unknown, operation: string) => {
    const now = Date.now()
    if (now - last < 30_000) return
    last = now
    const message = error instanceof Error ? error.message : String(error)
    console.warn(`[epaas-proxy] Redis ${operation} failed (${message}); using in-process fallback`)
  }
}

function recoveryNotice(operation: string) {
  console.warn(`[epaas-proxy] Redis ${operation} works again; sharing resumed`)
}

/** A connection's state, as ioredis reports it (`ready` once connected and usable). */
type RedisLike = Pick<Redis, 'status'>

function withFallback(redis: RedisLike, options: RedisStoreOptions) {
  const timeoutMs = options.commandTimeoutMs ?? 1000
  const onError = options.onError ?? throttledWarning()
  const onRecover = options.onRecover ?? recoveryNotice
  let failing = false
  let everReady = false
  const fail = (error: unknown, operation: string) => {
    failing = true
    onError(error, operation)
  }
  return async <T>(operation: string, run: () => Promise<T>, fallback: () => Promise<T>) => {
    if (redis.status === 'ready') everReady = true
    // Once the connection was lost, a command would wait in ioredis's queue for the
    // reconnection: go straight to memory instead, so that an outage costs no latency. (At start,
    // before the first connection, commands wait for it, up to `commandTimeoutMs`.)
    else if (everReady || failing) {
      fail(new Error(`the connection is ${redis.status}`), operation)
      return fallback()
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    try {
      const result = await Promise.race([
        run(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs)
        }),
      ])
      if (failing) {
        failing = false
        onRecover(operation)
      }
      return result
    } catch (error) {
      fail(error, operation)
      return fallback()
    } finally {
      clearTimeout(timer)
    }
  }
}

// Deletes the stored token KEYS[1] only while it is still ARGV[1].
const deleteTokenIfSame = `
local value = redis.call('GET', KEYS[1])
if value and cjson.decode(value).token == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`

// Releases the lock KEYS[1] only while ARGV[1] owns it.
const releaseLockIfOwner = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`

/**
 * A {@link TokenStore} in Redis: the token under `<prefix>token:<key>` with a TTL, the refresh
 * lock as `SET NX PX` under `<prefix>lock:<key>`.
 *
 * @example
 * import Redis from 'ioredis'
 * import { redisTokenStore } from '@epaas-picker/proxy/redis'
 * const store = redisTokenStore(new Redis(process.env.REDIS_URL!))
 * const orgToken = suiteTokenSource({ ...credentials, store })
 */
export function redisTokenStore(redis: Redis, options: RedisStoreOptions = {}): TokenStore {
  const prefix = options.keyPrefix ?? 'epaas:'
  const guard = withFallback(redis, options)
  const memory = memoryTokenStore()
  return {
    get: (key) =>
      guard(
        'token get',
        async () => {
          const text = await redis.get(prefix + key)
          if (text === null) return undefined
          const value = JSON.parse(text) as StoredToken
          return value.expiresAt > Date.now() ? value : undefined
        },
        () => memory.get(key),
      ),
    set: (key, value) =>
      guard(
        'token set',
        async () => {
          const ttl = Math.max(1, Math.floor(value.expiresAt - Date.now()))
          await redis.set(prefix + key, JSON.stringify(value), 'PX', Math.min(ttl, 2 ** 31 - 1))
          await memory.set(key, value)
        },
        () => memory.set(key, value),
      ),
    delete: (key, token) =>
      guard(
        'token delete',
        async () => {
          await redis.eval(deleteTokenIfSame, 1, prefix + key, token)
          await memory.delete(key, token)
        },
        () => memory.delete(key, token),
      ),
    lock: (key, ttlMs) =>
      guard(
        'lock',
        async () => {
          const owner = randomUUID()
          const taken = await redis.set(prefix + key, owner, 'PX', ttlMs, 'NX')
          if (taken !== 'OK') return undefined
          return async () => {
            await redis.eval(releaseLockIfOwner, 1, prefix + key, owner).catch(() => undefined)
          }
        },
        () => memory.lock(key, ttlMs),
      ),
  }
}

/**
 * A mapping {@link CacheStore} in Redis: `MGET` for a batch of lookups, `SET PX` in one pipeline
 * for the results.
 *
 * @example
 * createEpaasProxy({ cache: { store: redisCacheStore(redis) }, ... })
 */
export function redisCacheStore(redis: Redis, options: RedisStoreOptions = {}): CacheStore {
  const prefix = options.keyPrefix ?? ''
  const guard = withFallback(redis, options)
  const memory = memoryCacheStore()
  return {
    getMany: (keys) =>
      guard(
        'cache get',
        async () => {
          if (keys.length === 0) return []
          const values = await redis.mget(...keys.map((k) => prefix + k))
          return values.map((v) => v ?? undefined)
        },
        () => memory.getMany(keys),
      ),
    setMany: (entries) =>
      guard(
        'cache set',
        async () => {
          if (entries.length === 0) return
          const pipeline = redis.pipeline()
          for (const { key, value, ttlMs } of entries) {
            pipeline.set(prefix + key, value, 'PX', Math.max(1, Math.floor(ttlMs)))
          }
          await pipeline.exec()
        },
        () => memory.setMany(entries),
      ),
  }
}

/**
 * A rate limiter counting in Redis (shared by every instance), falling back to a per-process
 * memory limiter (`rate-limiter-flexible`'s insurance limiter) while Redis is unavailable, with
 * the same warnings as the other stores.
 *
 * @example
 * createEpaasProxy({ rateLimit: { limiter: redisRateLimiter(redis, { points: 600 }) }, ... })
 */
export function redisRateLimiter(
  redis: Redis,
  options: RateLimiterOptions & Pick<RedisStoreOptions, 'keyPrefix' | 'onError' | 'onRecover'> = {},
): RateLimiter {
  const points = options.points ?? 300
  const duration = options.durationSeconds ?? 60
  const insurance = new RateLimiterMemory({ points, duration })
  const limiter = fromRateLimiterFlexible(
    new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: `${options.keyPrefix ?? 'epaas:'}rate`,
      insuranceLimiter: insurance,
    }),
  )
  const memory = fromRateLimiterFlexible(insurance)
  const onError = options.onError ?? throttledWarning()
  const onRecover = options.onRecover ?? recoveryNotice
  let failing = false
  let everReady = false
  return {
    consume(key) {
      if (redis.status === 'ready') {
        everReady = true
        if (failing) {
          failing = false
          onRecover('rate limit')
        }
      } else if (everReady) {
        // Connection lost: count in this process's memory at once, and say so.
        failing = true
        onError(new Error(`the connection is ${redis.status}`), 'rate limit')
        return memory.consume(key)
      }
      return limiter.consume(key)
    },
  }
}
