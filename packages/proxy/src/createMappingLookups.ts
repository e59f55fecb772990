/**
 * The eight ID-mapping endpoints, answered per ID through coalesced, chunked, cached batches.
 *
 * A request for `[a, b, c]` becomes three single-ID lookups; lookups from every concurrent
 * request for the same endpoint (and the same extra parameters) are merged, de-duplicated,
 * served from the cache where possible and fetched in chunks. The answer is reassembled in the
 * order asked, in the shape the endpoint answers upstream (normalised: string IDs).
 */
import type { EndpointName, EndpointTypes } from '@epaas-picker/protocol'
import type { LimitFunction } from 'p-limit'
import type { CacheStore } from './cache/CacheStore.js'
import { createBatcher, type Batcher } from './cache/createBatcher.js'
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
  limit: LimitFunction
  cache?: {
    store: CacheStore
    keyPrefix: string
    ttlMs: number
    negativeTtlMs: number
  }
  emit: ProxyEventListener
}

/** Calls one mapping endpoint through the batches. */
export type MappingLookup = <N extends MappingEndpoint>(
  endpoint: N,
  request: EndpointTypes[N][0],
  signal?: AbortSignal,
) => Promise<EndpointTypes[N][1]>

/** Builds the batched, cached mapping lookups of a proxy. */
export function createMappingLookups(options: MappingLookupsOptions): MappingLookup {
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
      limit: options.limit,
      fetch: async (ids, signal) => {
        const request = { ...params, [spec.listField]: ids } as never
        const answer = (await options.upstream.call(endpoint, request, {
          token: options.orgToken(),
          signal,
        })) as unknown as Record<string, unknown>
        const byId = new Map<string, Item[]>(ids.map((i) => [i, []]))
        for (const item of (answer[spec.responseField] as Item[] | undefined) ?? []) {
          byId.get(canonicalId(spec.keyOf(item), spec.numeric))?.push(item)
        }
        return byId
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

  return async (endpoint, request, signal) => {
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
}

/** Whether an endpoint name is a mapping endpoint. */
export function isMappingEndpoint(name: EndpointName): name is MappingEndpoint {
  return name in mappingSpecs
}
