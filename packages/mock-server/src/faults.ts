/**
 * Fault switches: latency, busy answers, 502s, hanging requests and malformed JSON, each as a rate,
 * optionally limited to some endpoint paths. Control routes (`/__mock/*`) are never subject to them.
 */

/** What the mock does wrong, on purpose. Rates are probabilities in [0, 1] rolled per request. */
export interface FaultSettings {
  /** Milliseconds added to every answer (default 0). */
  latencyMs: number
  /** Extra random delay of 0..N milliseconds on top of `latencyMs` (default 0). */
  latencyJitterMs: number
  /** Share of requests answered `{ errcode: -1, errmsg: 'system busy' }` (default 0). */
  busyRate: number
  /** Share of requests answered HTTP 502 with an HTML body, as a gateway does (default 0). */
  http502Rate: number
  /** Share of requests never answered, until the request's signal aborts (default 0). */
  hangRate: number
  /** Share of requests answered HTTP 200 with a truncated, invalid JSON body (default 0). */
  malformedRate: number
  /** Only these endpoint paths get faults (default: every ePaaS endpoint). */
  paths?: string[]
}

/** No faults at all. */
export const noFaults: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  latencyJitterMs: 0,
  busyRate: 0,
  http502Rate: 0,
  hangRate: 0,
  malformedRate: 0,
})

const durations = ['latencyMs', 'latencyJitterMs'] as const
const rates = ['busyRate', 'http502Rate', 'hangRate', 'malformedRate'] as const

/**
 * Checks a partial settings object (from code or from `POST /__mock/faults`) and returns it
 * typed. Throws a `TypeError` naming the field; unknown fields are refused so typos show.
 */
export function checkFaultSettings(input: unknown): Partial<FaultSettings> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('fault settings must be an object')
  }
  const out: Partial<FaultSettings> = {}
  for (const [key, value] of Object.entries(input)) {
    if ((durations as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new TypeError(`${key} must be a number of milliseconds >= 0`)
      }
      out[key as (typeof durations)[number]] = value
    } else if ((rates as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
        throw new TypeError(`${key} must be a number between 0 and 1`)
      }
      out[key as (typeof rates)[number]] = value
    } else if (key === 'paths') {
      if (value === undefined || value === null) {
        out.paths = undefined
      } else if (!Array.isArray(value) || !value.every((p) => typeof p === 'string')) {
        throw new TypeError('paths must be a list of endpoint paths')
      } else {
        out.paths = [...(value as string[])]
      }
    } else {
      throw new TypeError(`unknown fault setting ${JSON.stringify(key)}`)
    }
  }
  return out
}

/** Merges a partial update; `paths: undefined` (or null from JSON) lifts the restriction. */
export function mergeFaults(current: FaultSettings, update: Partial<FaultSettings>): FaultSettings {
  const next: FaultSettings = { ...current, ...update }
  if ('paths' in update && update.paths === undefined) delete next.paths
  return next
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** Never resolves; rejects with the signal's reason when it aborts. */
export function hang(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

/** What a gateway in front of ePaaS answers when the service behind it fails. */
export const badGatewayHtml =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
