/**
 * The caching core shared by the token sources: cache until a margin before expiry, one fetch
 * however many callers wait (in this process, and across processes through the store's lock),
 * and forget a token upstream refused.
 */
import { createRedactor } from '../redact.js'
import type { TokenRefreshEvent } from '../events.js'
import type { TokenSource, TokenSourceContext } from './TokenSource.js'
import { memoryTokenStore, type StoredToken, type TokenStore } from './TokenStore.js'

/** A freshly fetched token and its lifetime. */
export interface FetchedToken {
  token: string
  /** Lifetime in seconds; `undefined` keeps the token until upstream refuses it. */
  expiresInSeconds?: number
}

/** Options shared by the caching token sources. */
export interface CachingOptions {
  /**
   * Where the token is kept. Default: this process's memory. Pass `redisTokenStore(redis)` from
   * `@epaas-picker/proxy/redis` to share the token and the refresh lock between instances.
   */
  store?: TokenStore
  /**
   * Seconds before expiry at which the token is refreshed. Default 300 (5 minutes), and never more
   * than half the token's lifetime.
   */
  refreshMarginSeconds?: number
  /**
   * Milliseconds a refresh may hold the shared lock; other instances wait at most this long for
   * it before fetching themselves. Default 15000.
   */
  lockTtlMs?: number
  /** Milliseconds between looks at the store while another instance refreshes. Default 50. */
  lockPollMs?: number
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number
}

interface CachedTokenSourceOptions extends CachingOptions {
  name: string
  /** Store key; sources sharing a key share a token. */
  key: string
  fetchToken: (context: TokenSourceContext | undefined) => Promise<FetchedToken>
  onAttach?: (context: TokenSourceContext) => void
}

interface Cached extends StoredToken {
  /** Epoch milliseconds from which the token is refreshed. */
  refreshAt: number
}

/** Builds a caching, single-flight {@link TokenSource} over a fetch function. */
export function cachedTokenSource(options: CachedTokenSourceOptions): TokenSource {
  const now = options.now ?? Date.now
  const store = options.store ?? memoryTokenStore(now)
  const marginMs = (options.refreshMarginSeconds ?? 300) * 1000
  const lockTtlMs = options.lockTtlMs ?? 15_000
  const pollMs = options.lockPollMs ?? 50
  const tokenKey = `token:${options.key}`
  const lockKey = `lock:${options.key}`
  let context: TokenSourceContext | undefined
  const fallbackRedactor = createRedactor(10)
  let memo: Cached | undefined
  let inflight: Promise<string> | undefined
  let nextReason: TokenRefreshEvent['reason'] = 'missing'

  const redactor = () => context?.redactor ?? fallbackRedactor

  function withRefreshAt(value: StoredToken & { refreshAt?: number }): Cached {
    if (value.refreshAt !== undefined) return value as Cached
    return { ...value, refreshAt: value.expiresAt - marginMs }
  }

  async function fetchAndStore(reason: TokenRefreshEvent['reason']): Promise<Cached> {
    const started = now()
    try {
      const fetched = await options.fetchToken(context)
      redactor().register(fetched.token)
      const ttlMs =
        fetched.expiresInSeconds && fetched.expiresInSeconds > 0
          ? fetched.expiresInSeconds * 1000
          : Number.MAX_SAFE_INTEGER / 4
      const obtainedAt = now()
      const value: Cached = {
        token: fetched.token,
        expiresAt: obtainedAt + ttlMs,
        refreshAt: obtainedAt + ttlMs - Math.min(marginMs, ttlMs / 2),
      }
      await store.set(tokenKey, value)
      context?.emit({
        type: 'token-refresh',
        source: options.name,
        reason,
        ok: true,
        durationMs: now() - started,
      })
      return value
    } catch (error) {
      context?.emit({
        type: 'token-refresh',
        source: options.name,
        reason,
        ok: false,
        durationMs: now() - started,
      })
      throw error
    }
  }

  async function obtain(reason: TokenRefreshEvent['reason']): Promise<string> {
    const waitUntil = now() + lockTtlMs
    for (;;) {
      const stored = await store.get(tokenKey)
      const cached = stored && withRefreshAt(stored)
      if (cached && now() < cached.refreshAt) {
        memo = cached
        redactor().register(cached.token)
        return cached.token
      }
      const release = await store.lock(lockKey, lockTtlMs)
      if (release) {
        try {
          // Another instance may have stored a fresh token between our read and the lock.
          const again = await store.get(tokenKey)
          const fresh = again && withRefreshAt(again)
          if (fresh && now() < fresh.refreshAt) {
            memo = fresh
            return fresh.token
          }
          memo = await fetchAndStore(cached ? 'expiring' : reason)
          return memo.token
        } finally {
          await release()
        }
      }
      // Someone else is refreshing: a token that is expiring but still valid will do meanwhile.
      if (cached && now() < cached.expiresAt) {
        memo = cached
        return cached.token
      }
      if (now() > waitUntil) {
        throw new Error(`token source ${options.name}: gave up waiting for another refresh`)
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  return {
    name: options.name,
    async getToken({ signal } = {}) {
      signal?.throwIfAborted()
      if (memo && now() < memo.refreshAt) return memo.token
      if (!inflight) {
        const reason = memo ? 'expiring' : nextReason
        nextReason = 'missing'
        inflight = obtain(reason).finally(() => {
          inflight = undefined
        })
      }
      return raceAbort(inflight, signal)
    },
    async invalidate(token) {
      if (memo?.token === token) memo = undefined
      nextReason = 'invalid'
      await store.delete(tokenKey, token)
    },
    attach(ctx) {
      context = ctx
      options.onAttach?.(ctx)
    },
  }
}

/** Waits for `promise`, or rejects when `signal` aborts (the shared work goes on for others). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
