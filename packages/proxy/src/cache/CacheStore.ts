/**
 * Where mapping results are cached: an LRU with TTL in memory by default, or Redis (see
 * `@epaas-picker/proxy/redis`) to share the cache between instances.
 */
import { LRUCache } from 'lru-cache'

/** A string cache with per-entry TTL, read and written in batches. */
export interface CacheStore {
  /** The values under `keys`, in order; `undefined` for a miss. */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>
  /** Stores each entry for its `ttlMs` milliseconds. */
  setMany(entries: readonly { key: string; value: string; ttlMs: number }[]): Promise<void>
}

/** Options of {@link memoryCacheStore}. */
export interface MemoryCacheStoreOptions {
  /** Most entries kept; the least recently used go first. Default 50000. */
  maxEntries?: number
}

/**
 * An in-process LRU cache with TTL, on `lru-cache`.
 *
 * @example
 * createEpaasProxy({ cache: { store: memoryCacheStore({ maxEntries: 100_000 }) }, ... })
 */
export function memoryCacheStore(options: MemoryCacheStoreOptions = {}): CacheStore {
  const lru = new LRUCache<string, string>({
    max: options.maxEntries ?? 50_000,
    ttlAutopurge: false,
  })
  return {
    async getMany(keys) {
      return keys.map((key) => lru.get(key))
    },
    async setMany(entries) {
      for (const { key, value, ttlMs } of entries) lru.set(key, value, { ttl: ttlMs })
    },
  }
}
