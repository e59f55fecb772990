/**
 * Coalesces single-key lookups into chunked batch calls: lookups made in one turn of the event
 * loop (or within `windowMs`) are de-duplicated, read from the cache in one round trip, and the
 * misses fetched in chunks of `chunkSize` with bounded concurrency. A lookup already in flight is
 * joined, not repeated.
 *
 * Batches are shared between callers, so a caller's abort only detaches that caller; the batch's
 * upstream call is aborted when every caller waiting on it has gone.
 */
import type { LimitFunction } from 'p-limit'
import { raceAbort } from '../tokens/cachedTokenSource.js'
import type { CacheStore } from './CacheStore.js'

/**
 * A per-key failure inside a fetch that otherwise succeeded (the key's own input was refused):
 * only the callers waiting on that key see `error`; it is never cached.
 */
export class KeyFailure {
  constructor(readonly error: unknown) {}
}

/** Options of {@link createBatcher}. */
export interface BatcherOptions<V> {
  /** Most keys per fetch. */
  chunkSize: number
  /** Milliseconds to wait for more lookups; 0 waits one event-loop turn. */
  windowMs: number
  /** Bounds how many fetches run at once (shared by every batcher of a proxy). */
  limit: LimitFunction
  /**
   * Fetches `keys` (unique, at most `chunkSize`); every key missing from the map is an error, a
   * {@link KeyFailure} fails that key only, a rejection fails the whole chunk.
   */
  fetch: (keys: string[], signal: AbortSignal) => Promise<Map<string, V | KeyFailure>>
  cache?: {
    store: CacheStore
    /** The cache key of a lookup key. */
    key: (key: string) => string
    encode: (value: V) => string
    decode: (text: string) => V
    /** TTL in milliseconds for a value. */
    ttlMs: (value: V) => number
    onLookup?: (hits: number, misses: number) => void
  }
}

/** Loads single keys through coalesced, chunked, cached batch fetches. */
export interface Batcher<V> {
  /** The values of `keys` (unique), in order. `signal` detaches this caller only. */
  loadMany(keys: readonly string[], signal?: AbortSignal): Promise<V[]>
}

interface Chunk {
  entries: Entry<unknown>[]
  controller: AbortController
}

interface Entry<V> {
  key: string
  promise: Promise<V>
  resolve: (value: V) => void
  reject: (error: unknown) => void
  /** Callers still waiting; callers without a signal never leave. */
  live: number
  chunk?: Chunk
}

const nextTurn: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0)

/** Creates a batcher. */
export function createBatcher<V>(options: BatcherOptions<V>): Batcher<V> {
  let pending = new Map<string, Entry<V>>()
  const inflight = new Map<string, Entry<V>>()
  let scheduled = false

  function schedule() {
    if (scheduled) return
    scheduled = true
    const run = () => {
      scheduled = false
      flush()
    }
    if (options.windowMs > 0) setTimeout(run, options.windowMs)
    else nextTurn(run)
  }

  function flush() {
    if (pending.size === 0) return
    const batch = [...pending.values()]
    pending = new Map()
    for (const entry of batch) inflight.set(entry.key, entry)
    void dispatch(batch)
  }

  function settle(entry: Entry<V>) {
    if (inflight.get(entry.key) === entry) inflight.delete(entry.key)
  }

  async function dispatch(batch: Entry<V>[]) {
    let misses = batch
    const { cache } = options
    if (cache) {
      try {
        const cached = await cache.store.getMany(batch.map((e) => cache.key(e.key)))
        misses = []
        batch.forEach((entry, i) => {
          const text = cached[i]
          if (text === undefined) {
            misses.push(entry)
            return
          }
          try {
            entry.resolve(cache.decode(text))
            settle(entry)
          } catch {
            misses.push(entry)
          }
        })
      } catch {
        // A failing cache must not fail lookups: fetch everything.
        misses = batch
      }
      cache.onLookup?.(batch.length - misses.length, misses.length)
    }
    for (let i = 0; i < misses.length; i += options.chunkSize) {
      const entries = misses.slice(i, i + options.chunkSize)
      const chunk: Chunk = {
        entries: entries as Entry<unknown>[],
        controller: new AbortController(),
      }
      for (const entry of entries) entry.chunk = chunk
      void options.limit(() => runChunk(entries, chunk))
    }
  }

  async function runChunk(entries: Entry<V>[], chunk: Chunk) {
    try {
      chunk.controller.signal.throwIfAborted()
      const keys = entries.map((e) => e.key)
      const values = await options.fetch(keys, chunk.controller.signal)
      const toCache: { key: string; value: string; ttlMs: number }[] = []
      for (const entry of entries) {
        const value = values.get(entry.key)
        if (value === undefined) {
          entry.reject(new Error(`batch answered nothing for ${entry.key}`))
          continue
        }
        if (value instanceof KeyFailure) {
          entry.reject(value.error)
          continue
        }
        entry.resolve(value)
        const { cache } = options
        if (cache) {
          toCache.push({
            key: cache.key(entry.key),
            value: cache.encode(value),
            ttlMs: cache.ttlMs(value),
          })
        }
      }
      if (options.cache && toCache.length > 0) {
        await options.cache.store.setMany(toCache).catch(() => undefined)
      }
    } catch (error) {
      for (const entry of entries) entry.reject(error)
    } finally {
      for (const entry of entries) settle(entry)
    }
  }

  function detach(entry: Entry<V>) {
    entry.live -= 1
    if (entry.live > 0) return
    if (!entry.chunk) {
      if (pending.get(entry.key) === entry) pending.delete(entry.key)
      return
    }
    if (entry.chunk.entries.every((e) => e.live <= 0)) entry.chunk.controller.abort()
  }

  function enter(key: string): Entry<V> {
    let entry = pending.get(key) ?? inflight.get(key)
    if (!entry) {
      let resolve!: (value: V) => void
      let reject!: (error: unknown) => void
      const promise = new Promise<V>((res, rej) => {
        resolve = res
        reject = rej
      })
      // Nobody may be listening any more when a detached entry fails.
      promise.catch(() => undefined)
      entry = { key, promise, resolve, reject, live: 0 }
      pending.set(key, entry)
      if (pending.size >= options.chunkSize) flush()
      else schedule()
    }
    return entry
  }

  return {
    loadMany(keys, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason)
      const entries = keys.map(enter)
      const all = Promise.all(entries.map((e) => e.promise))
      if (!signal) {
        for (const entry of entries) entry.live = Number.POSITIVE_INFINITY
        return all
      }
      for (const entry of entries) entry.live += 1
      // One listener per caller, however many keys it waits for.
      const onAbort = () => {
        for (const entry of entries) detach(entry)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      return raceAbort(all, signal).finally(() => signal.removeEventListener('abort', onAbort))
    },
  }
}
