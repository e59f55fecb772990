/**
 * The eight ID-mapping endpoints, answered per ID through coalesced, chunked, cached batches.
 *
 * A request for `[a, b, c]` becomes three single-ID lookups; lookups from every concurrent
 * request for the same endpoint (and the same extra parameters) are merged, de-duplicated,
 * served from the cache where possible and fetched in chunks. The answer is reassembled in the
 * order asked, in the shape the endpoint answers upstream (normalised: string IDs).
 */
import { EpaasError, type EndpointName, type EndpointTypes } from '@epaas-picker/protocol'
import type { LimitFunction } from 'p-limit'
import type { CacheStore } from './cache/CacheStore.js'
import { createBatcher, KeyFailure, type Batcher } from './cache/createBatcher.js'
import type { TokenHandle, Upstream } from './createUpstream.js'
import type { ProxyEventListener } from './events.js'

/** The mapping endpoints. */
export type MappingEndpoint =
  | 'getQywechatDepartmentIds'
  | 'getQywechatUserIds'
  | 'getDepartmentIdsByQywechat'
  | 'getUserIdsByQywechat'
  | 'getDingtalkDepartmentIds'
  | 'getDingtalkUserIds'
  | 'getDepartmentIdsByDingtalk'
  | 'getUserIdsByDingtalk'

type Item = Record<string, unknown>

interface MappingSpec {
  /** The request's list of IDs. */
  listField: string
  /** The answer's list of results. */
  responseField: string
  /** The asked ID a result answers. */
  keyOf: (item: Item) => string
  /** Whether upstream encodes these IDs as JSON numbers (so `007` and `7` are the same ID). */
  numeric: boolean
  /** Upstream answers every asked ID, with an empty inner list when unmapped. */
  emptyItem?: (id: string) => Item
  /** Whether a result means "no mapping". */
  isEmpty?: (item: Item) => boolean
}

const field = (name: string) => (item: Item) => String(item[name])

/** How each mapping endpoint is split into single-ID lookups and put back together. */
export const mappingSpecs: Record<MappingEndpoint, MappingSpec> = {
  getQywechatDepartmentIds: {
    listField: 'department_ids',
    responseField: 'qywechat_ids',
    keyOf: field('department_id'),
    numeric: true,
  },
  getQywechatUserIds: {
    listField: 'userids',
    responseField: 'qywechat_ids',
    keyOf: field('userid'),
    numeric: true,
  },
  getDepartmentIdsByQywechat: {
    listField: 'qywechat_ids',
    responseField: 'department_infos',
    keyOf: field('qywechat_id'),
    numeric: true,
    emptyItem: (id) => ({ qywechat_id: id, departments: [] }),
    isEmpty: (item) => (item.departments as unknown[]).length === 0,
  },
  getUserIdsByQywechat: {
    listField: 'qywechat_ids',
    responseField: 'users_infos',
    keyOf: field('qywechat_id'),
    numeric: false,
    emptyItem: (id) => ({ qywechat_id: id, user_infos: [] }),
    isEmpty: (item) => (item.user_infos as unknown[]).length === 0,
  },
  getDingtalkDepartmentIds: {
    listField: 'depart_ids',
    responseField: 'data_list',
    keyOf: field('depart_id'),
    numeric: true,
  },
  getDingtalkUserIds: {
    listField: 'userids',
    responseField: 'data_list',
    keyOf: field('userid'),
    numeric: false,
  },
  getDepartmentIdsByDingtalk: {
    listField: 'dingtalk_ids',
    responseField: 'data_list',
    keyOf: field('dingtalk_id'),
    numeric: true,
  },
  getUserIdsByDingtalk: {
    listField: 'dingtalk_ids',
    responseField: 'data_list',
    keyOf: field('dingtalk_id'),
    numeric: false,
  },
}

/** The mapping endpoints' names. */
export const mappingEndpoints = Object.keys(mappingSpecs) as MappingEndpoint[]

/** One ID as upstream will echo it: numeric IDs without leading zeros. */
function canonicalId(id: string | number, numeric: boolean): string {
  const text = String(id)
  if (numeric && /^\d+$/.test(text) && Number.isSafeInteger(Number(text)))
    return String(Number(text))
  return text
}

/** Options of the mapping lookups. */
export interface MappingLookupsOptions {
  upstream: Upstream
  /** The org token; `undefined` when the proxy has none (the call then fails as not configured). */
  orgToken: () => TokenHandle
  chunkSize: number
  windowMs: number
  maxWaitMs: number
  limit: LimitFunction
  cache?: {
    store: CacheStore
    keyPrefix: string
    ttlMs: number
    negativeTtlMs: number
  }
  emit: ProxyEventListener
  /**
   * Upstream errcodes caused by input (the errcode table's `input`). A merged batch refused with
   * one of them is split to find the IDs at fault, so that one caller's bad ID never fails the
   * other callers' lookups in the same batch.
   */
  inputErrcodes?: ReadonlySet<number>
}

/** Most extra upstream calls spent isolating bad IDs in one chunk (one bad ID in 100 takes 14). */
const ISOLATION_BUDGET = 20

/** Calls one mapping endpoint through the batches. */
export type MappingLookup = <N extends MappingEndpoint>(
  endpoint: N,
  request: EndpointTypes[N][0],
  signal?: AbortSignal,
) => Promise<EndpointTypes[N][1]>

/** The mapping lookups of a proxy: the lookup, and a way to send every waiting batch now. */
export type MappingLookups = MappingLookup & {
  /** Sends the lookups waiting in every batch window now (on shutdown: no timer left behind). */
  flush(): void
}

/** Builds the batched, cached mapping lookups of a proxy. */
export function createMappingLookups(options: MappingLookupsOptions): MappingLookups {
  const batchers = new Map<string, Batcher<Item[]>>()

  function batcherFor(endpoint: MappingEndpoint, params: Record<string, unknown>) {
    const paramsKey = JSON.stringify(params)
    const id = `${endpoint}:${paramsKey}`
    let batcher = batchers.get(id)
    if (batcher) return batcher
    const spec = mappingSpecs[endpoint]
    const cache = options.cache
    batcher = createBatcher<Item[]>({
      chunkSize: options.chunkSize,
      windowMs: options.windowMs,
      maxWaitMs: options.maxWaitMs,
      limit: options.limit,
      fetch: async (ids, signal) => {
        const fetchChunk = async (chunk: string[]) => {
          const request = { ...params, [spec.listField]: chunk } as never
          const answer = (await options.upstream.call(endpoint, request, {
            token: options.orgToken(),
            signal,
          })) as unknown as Record<string, unknown>
          const byId = new Map<string, Item[] | KeyFailure>(chunk.map((i) => [i, []]))
          for (const item of (answer[spec.responseField] as Item[] | undefined) ?? []) {
            const found = byId.get(canonicalId(spec.keyOf(item), spec.numeric))
            if (Array.isArray(found)) found.push(item)
          }
          return byId
        }
        let budget = ISOLATION_BUDGET
        // Halves a refused chunk until the IDs at fault stand alone (or the budget is spent).
        const isolate = async (chunk: string[]): Promise<Map<string, Item[] | KeyFailure>> => {
          try {
            return await fetchChunk(chunk)
          } catch (error) {
            const inputFault =
              error instanceof EpaasError && options.inputErrcodes?.has(error.errcode) === true
            if (!inputFault) throw error
            if (chunk.length === 1 || budget < 2) {
              return new Map(chunk.map((id) => [id, new KeyFailure(error)]))
            }
            budget -= 2
            const half = Math.ceil(chunk.length / 2)
            // One half after the other: the chunk holds one slot of the concurrency bound.
            const first = await isolate(chunk.slice(0, half))
            const second = await isolate(chunk.slice(half))
            return new Map([...first, ...second])
          }
        }
        return isolate(ids)
      },
      cache: cache && {
        store: cache.store,
        key: (key) => `${cache.keyPrefix}map:${endpoint}:${paramsKey}:${key}`,
        encode: (value) => JSON.stringify(value),
        decode: (text) => {
          const value: unknown = JSON.parse(text)
          if (!Array.isArray(value)) throw new TypeError('bad cache entry')
          return value as Item[]
        },
        ttlMs: (items) =>
          items.length === 0 || items.every((item) => spec.isEmpty?.(item))
            ? cache.negativeTtlMs
            : cache.ttlMs,
        onLookup: (hits, misses) => options.emit({ type: 'cache', endpoint, hits, misses }),
      },
    })
    batchers.set(id, batcher)
    return batcher
  }

  const lookup: MappingLookup = async (endpoint, request, signal) => {
    const spec = mappingSpecs[endpoint]
    const { [spec.listField]: list, ...params } = request as unknown as Record<string, unknown>
    const ids = [
      ...new Set(((list as (string | number)[]) ?? []).map((id) => canonicalId(id, spec.numeric))),
    ]
    const batcher = batcherFor(endpoint, params)
    const results = await batcher.loadMany(ids, signal)
    const items = results.flatMap((found, i) =>
      found.length === 0 && spec.emptyItem ? [spec.emptyItem(ids[i] as string)] : found,
    )
    return { errcode: 0, errmsg: 'ok', [spec.responseField]: items } as unknown as Awaited<
      ReturnType<MappingLookup>
    >
  }
  return Object.assign(lookup, {
    flush: () => {
      for (const batcher of batchers.values()) batcher.flush()
    },
  })
}

/** Whether an endpoint name is a mapping endpoint. */
export function isMappingEndpoint(name: EndpointName): name is MappingEndpoint {
  return name in mappingSpecs
}
