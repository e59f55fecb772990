/**
 * Per-user rate limiting. The interface is small so that any store fits; memory (this file) and
 * Redis (`@epaas-picker/proxy/redis`) come with the package, both on `rate-limiter-flexible`.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** The outcome of one {@link RateLimiter.consume}. */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number }

/** Counts requests per key. */
export interface RateLimiter {
  /** Counts one request for `key` and says whether it may go on. */
  consume(key: string): Promise<RateLimitDecision>
}

/** Options of the built-in limiters. */
export interface RateLimiterOptions {
  /** Requests allowed per key per window. Default 300. */
  points?: number
  /** Window length in seconds. Default 60. */
  durationSeconds?: number
}

/** Wraps a `rate-limiter-flexible` limiter as a {@link RateLimiter}. */
export function fromRateLimiterFlexible(limiter: RateLimiterAbstract): RateLimiter {
  return {
    async consume(key) {
      try {
        await limiter.consume(key)
        return { allowed: true }
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          return { allowed: false, retryAfterMs: error.msBeforeNext }
        }
        throw error
      }
    },
  }
}

/**
 * An in-memory fixed-window limiter: `points` requests per `durationSeconds` per key, in this
 * process only.
 *
 * @example
 * createEpaasProxy({ rateLimit: { limiter: memoryRateLimiter({ points: 600 }) }, ... })
 */
export function memoryRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  return fromRateLimiterFlexible(
    new RateLimiterMemory({
      points: options.points ?? 300,
      duration: options.durationSeconds ?? 60,
      keyPrefix: 'epaas-proxy',
    }),
  )
}
