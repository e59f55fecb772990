/**
 * Where token sources keep their tokens. In memory by default; in Redis (see
 * `@epaas-picker/proxy/redis`) to share one token and one refresh lock across proxy instances.
 */

/** A cached token and when it stops being valid. */
export interface StoredToken {
  token: string
  /** Epoch milliseconds at which upstream stops accepting it. */
  expiresAt: number
}

/** Releases a lock taken with {@link TokenStore.lock}. */
export type ReleaseLock = () => Promise<void>

/**
 * Storage for token sources. Implementations must be safe to call concurrently.
 */
export interface TokenStore {
  /** The token stored under `key`, if any and not expired. */
  get(key: string): Promise<StoredToken | undefined>
  /** Stores a token; implementations drop it at `expiresAt`. */
  set(key: string, value: StoredToken): Promise<void>
  /**
   * Removes the token under `key`, but only while it is still `token` (another instance may
   * already have stored a fresh one).
   */
  delete(key: string, token: string): Promise<void>
  /**
   * Tries to take the refresh lock for `key` for at most `ttlMs`. Answers a release function, or
   * `undefined` when another holder has it.
   */
  lock(key: string, ttlMs: number): Promise<ReleaseLock | undefined>
}

/**
 * A token store in this process's memory. Two sources in one process sharing it also share the
 * token and the lock.
 *
 * @param now Clock in epoch milliseconds (default `Date.now`).
 */
export function memoryTokenStore(now: () => number = Date.now): TokenStore {
  const tokens = new Map<string, StoredToken>()
  const locks = new Map<string, number>()
  return {
    async get(key) {
      const value = tokens.get(key)
      if (value && value.expiresAt <= now()) {
        tokens.delete(key)
        return undefined
      }
      return value
    },
    async set(key, value) {
      tokens.set(key, value)
    },
    async delete(key, token) {
      if (tokens.get(key)?.token === token) tokens.delete(key)
    },
    async lock(key, ttlMs) {
      const heldUntil = locks.get(key)
      if (heldUntil !== undefined && heldUntil > now()) return undefined
      const until = now() + ttlMs
      locks.set(key, until)
      return async () => {
        if (locks.get(key) === until) locks.delete(key)
      }
    },
  }
}
