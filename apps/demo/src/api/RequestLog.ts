/**
 * A log of the page's requests to its backend, for the "value and requests" tab: a `fetch` per
 * source that records path, body, status and time, and a store React reads with
 * `useSyncExternalStore`.
 */
import type { RequestSource } from '../i18n/messages.js'

/** One request the page made. */
export interface LoggedRequest {
  /** 1, 2, 3... in order of sending. */
  readonly id: number
  readonly source: RequestSource
  readonly method: string
  /** Path and query, e.g. `/api/epaas/campus/department/select`. */
  readonly path: string
  /** The JSON body as sent (parsed), or `undefined`. */
  readonly body: unknown
  /** Epoch ms when it was sent. */
  readonly startedAt: number
  /** HTTP status; `undefined` while pending or after a network failure. */
  readonly status?: number
  /** Milliseconds until the response headers came (a stream may go on after). */
  readonly durationMs?: number
  /** `aborted` or `network` when no response came. */
  readonly failure?: 'aborted' | 'network'
}

/** The log: a fetch per source, and a subscribable list. */
export interface RequestLog {
  /** A `fetch` that records each request under `source`. */
  fetchFor(source: RequestSource): typeof fetch
  /** The requests so far, oldest first (a new array after each change). */
  getSnapshot(): readonly LoggedRequest[]
  subscribe(listener: () => void): () => void
  clear(): void
}

/** Most requests kept; the oldest are dropped. */
const LIMIT = 500

/**
 * Creates a request log over `baseFetch` (default: the global fetch).
 *
 * @example
 * const log = createRequestLog()
 * const client = createEpaasClient({ baseUrl: '/api/epaas', fetch: log.fetchFor('picker') })
 */
export function createRequestLog(
  baseFetch: typeof fetch = (...args) => fetch(...args),
): RequestLog {
  let entries: readonly LoggedRequest[] = []
  let nextId = 1
  const listeners = new Set<() => void>()
  const emit = () => {
    for (const listener of listeners) listener()
  }
  const update = (id: number, patch: Partial<LoggedRequest>) => {
    entries = entries.map((entry) => (entry.id === id ? { ...entry, ...patch } : entry))
    emit()
  }

  return {
    fetchFor(source) {
      return async (input, init) => {
        const href = input instanceof Request ? input.url : String(input)
        const url = new URL(href, globalThis.location?.href)
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET')
        const entry: LoggedRequest = {
          id: nextId++,
          source,
          method: method.toUpperCase(),
          path: url.pathname + url.search,
          body: parseBody(init?.body),
          startedAt: Date.now(),
        }
        entries = [...entries.slice(-(LIMIT - 1)), entry]
        emit()
        const started = performance.now()
        try {
          const response = await baseFetch(input, init)
          update(entry.id, {
            status: response.status,
            durationMs: Math.round(performance.now() - started),
          })
          return response
        } catch (error) {
          update(entry.id, {
            failure: init?.signal?.aborted ? 'aborted' : 'network',
            durationMs: Math.round(performance.now() - started),
          })
          throw error
        }
      }
    },
    getSnapshot: () => entries,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    clear() {
      entries = []
      emit()
    },
  }
}

function parseBody(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return body
  }
}
