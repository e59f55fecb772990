/**
 * Coalesces single-key lookups into chunked batch calls. Lookups are collected in a window that
 * stays open while more keep arriving (each one extends it by `windowMs`, up to `maxWaitMs` after
 * the first), or closes at once when it holds `chunkSize` keys; its keys are de-duplicated, read
 * from the cache in one round trip, and the misses queued. A chunk is cut from the queue only when
 * a concurrency slot is free, so lookups that arrive while earlier ones wait for a slot join them
 * in the same upstream call. A lookup already queued or in flight is joined, not repeated.
 *
 * Batches are shared between callers, so a caller's abort only detaches that caller; the batch's
 * upstream call is aborted when every caller waiting on it has gone.
 *
 * Memory: one entry per distinct key being looked up (collected, queued or in flight); nothing
 * stays once its lookup settles.
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
  /**
   * Milliseconds the window stays open after the last lookup; 0 collects one event-loop turn
   * only.
   */
  windowMs: number
  /** Milliseconds the window stays open at most, from its first lookup. Default `10 * windowMs`. */
  maxWaitMs?: number
  /** Bounds how many fetches run at once (shared by every batcher of a proxy). */
  limit: LimitFunction
  /**
   * Fetches `keys` (unique, at most `chunkSize`); every key missing from the map is an error, a
   * {@link KeyFailure} fails that key only, a rejection fails the whole chunk.
   */
  fetch: (keys: string[], signal: AbortSignal) => Promise<Map<string, V | KeyFailure>>
  cache?: BatcherCache<V>
  /** Clock in milliseconds. Default `Date.now`. */
  now?: () => number
}

/** The cache in front of a batcher's fetches. */
export interface BatcherCache<V> {
  store: CacheStore
  /** The cache key of a lookup key. */
  key: (key: string) => string
  encode: (value: V) => string
  decode: (text: string) => V
  /** TTL in milliseconds for a value. */
  ttlMs: (value: V) => number
  onLookup?: (hits: number, misses: number) => void
}

/** Loads single keys through coalesced, chunked, cached batch fetches. */
export interface Batcher<V> {
  /** The values of `keys` (unique), in order. `signal` detaches this caller only. */
  loadMany(keys: readonly string[], signal?: AbortSignal): Promise<V[]>
  /** Closes the open window now: its lookups go out without waiting (and no timer is left). */
  flush(): void
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
  /** Set once the entry is cut into a chunk. */
  chunk?: Chunk
}

const nextTurn: (fn: () => void) => void =
  typeof setImmediate === 'function' ? (fn) => setImmediate(fn) : (fn) => setTimeout(fn, 0)

/** Creates a batcher. */
export function createBatcher<V>(options: BatcherOptions<V>): Batcher<V> {
  const { chunkSize, windowMs } = options
  const maxWaitMs = options.maxWaitMs ?? windowMs * 10
  const now = options.now ?? Date.now
  /** Keys of the open window. */
  let collecting = new Map<string, Entry<V>>()
  let windowOpenedAt = 0
  let lastArrivalAt = 0
  let windowTimer: ReturnType<typeof setTimeout> | undefined
  let turnScheduled = false
  /** Keys past the window: at the cache, queued, or in a chunk. */
  const inflight = new Map<string, Entry<V>>()
  /** Cache misses waiting for a concurrency slot, oldest first. */
  const queue: Entry<V>[] = []
  let slotsRequested = 0

  function onArrival() {
    lastArrivalAt = now()
    if (collecting.size === 1) windowOpenedAt = lastArrivalAt
    if (collecting.size >= chunkSize) closeWindow()
    else if (windowMs <= 0) {
      if (!turnScheduled) {
        turnScheduled = true
        nextTurn(closeWindow)
      }
    } else if (windowTimer === undefined) armWindow(windowMs)
  }

  function armWindow(ms: number) {
    windowTimer = setTimeout(() => {
      windowTimer = undefined
      // One timer per window: on expiry, extend it if lookups came since, within the bound.
      const at = now()
      const idleLeft = lastArrivalAt + windowMs - at
      const boundLeft = windowOpenedAt + maxWaitMs - at
      if (idleLeft > 0 && boundLeft > 0) armWindow(Math.min(idleLeft, boundLeft))
      else closeWindow()
    }, ms)
  }

  function closeWindow() {
    turnScheduled = false
    if (windowTimer !== undefined) clearTimeout(windowTimer)
    windowTimer = undefined
    if (collecting.size === 0) return
    const batch = [...collecting.values()]
    collecting = new Map()
    for (const entry of batch) inflight.set(entry.key, entry)
    void lookUpCache(batch).then(enqueue)
  }

  async function lookUpCache(batch: Entry<V>[]): Promise<Entry<V>[]> {
    const { cache } = options
    if (!cache) return batch
    let misses: Entry<V>[] = []
    try {
      const cached = await cache.store.getMany(batch.map((e) => cache.key(e.key)))
      batch.forEach((entry, i) => {
        const value = decoded(cache, cached[i])
        if (value === undefined) misses.push(entry)
        else {
          entry.resolve(value.value)
          settle(entry)
        }
      })
    } catch {
      // A failing cache must not fail lookups: fetch everything.
      misses = batch
    }
    cache.onLookup?.(batch.length - misses.length, misses.length)
    return misses
  }

  function enqueue(misses: Entry<V>[]) {
    queue.push(...misses)
    const slotsNeeded = Math.ceil(queue.length / chunkSize)
    for (; slotsRequested < slotsNeeded; slotsRequested += 1) void options.limit(runSlot)
  }

  /** Runs in a concurrency slot: cuts a chunk from what is queued now, and fetches it. */
  async function runSlot() {
    slotsRequested -= 1
    const entries = cutChunk()
    if (entries.length > 0) await runChunk(entries)
  }

  function cutChunk(): Entry<V>[] {
    const entries: Entry<V>[] = []
    while (entries.length < chunkSize && queue.length > 0) {
      const entry = queue.shift() as Entry<V>
      // Every caller left: out of the chunk, and forgotten, so a new lookup starts afresh.
      if (entry.live > 0) entries.push(entry)
      else settle(entry)
    }
    const chunk: Chunk = { entries: entries as Entry<unknown>[], controller: new AbortController() }
    for (const entry of entries) entry.chunk = chunk
    return entries
  }

  async function runChunk(entries: Entry<V>[]) {
    const chunk = entries[0]?.chunk as Chunk
    try {
      chunk.controller.signal.throwIfAborted()
      const values = await options.fetch(
        entries.map((e) => e.key),
        chunk.controller.signal,
      )
      const toCache = answer(entries, values)
      if (options.cache && toCache.length > 0) {
        await options.cache.store.setMany(toCache).catch(() => undefined)
      }
    } catch (error) {
      for (const entry of entries) entry.reject(error)
    } finally {
      for (const entry of entries) settle(entry)
    }
  }

  /** Settles each entry from a fetch's answer; answers what to cache. */
  function answer(entries: Entry<V>[], values: Map<string, V | KeyFailure>) {
    const toCache: { key: string; value: string; ttlMs: number }[] = []
    const { cache } = options
    for (const entry of entries) {
      const value = values.get(entry.key)
      if (value === undefined) entry.reject(new Error(`batch answered nothing for ${entry.key}`))
      else if (value instanceof KeyFailure) entry.reject(value.error)
      else {
        entry.resolve(value)
        if (cache) {
          toCache.push({
            key: cache.key(entry.key),
            value: cache.encode(value),
            ttlMs: cache.ttlMs(value),
          })
        }
      }
    }
    return toCache
  }

  function settle(entry: Entry<V>) {
    if (inflight.get(entry.key) === entry) inflight.delete(entry.key)
  }

  function detach(entry: Entry<V>) {
    entry.live -= 1
    if (entry.live > 0) return
    if (collecting.get(entry.key) === entry) collecting.delete(entry.key)
    else if (entry.chunk?.entries.every((e) => e.live <= 0)) entry.chunk.controller.abort()
    // Queued without a chunk: left out when the next chunk is cut.
  }

  function enter(key: string): Entry<V> {
    const known = collecting.get(key) ?? inflight.get(key)
    if (known) return known
    const entry = newEntry<V>(key)
    collecting.set(key, entry)
    onArrival()
    return entry
  }

  return {
    flush: closeWindow,
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

function newEntry<V>(key: string): Entry<V> {
  let resolve!: (value: V) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<V>((res, rej) => {
    resolve = res
    reject = rej
  })
  // Nobody may be listening any more when a detached entry fails.
  promise.catch(() => undefined)
  return { key, promise, resolve, reject, live: 0 }
}

function decoded<V>(cache: BatcherCache<V>, text: string | undefined): { value: V } | undefined {
  if (text === undefined) return undefined
  try {
    return { value: cache.decode(text) }
  } catch {
    return undefined
  }
}
