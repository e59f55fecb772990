/**
 * The mock itself: a web-standard `Request -> Response` handler in front of the generated data,
 * with tokens, fault switches, a request log and `/__mock/*` control routes. Browser-safe: it uses
 * only web APIs, so it runs in Node, in MSW's service worker and in tests alike.
 */
import { endpoints, type EndpointName } from '@epaas-picker/protocol'
import { authenticate } from './authenticate.js'
import { handleControlRoute } from './controlRoutes.js'
import type { Dataset, DatasetKind } from './Dataset.js'
import { dispatchEndpoint } from './dispatchEndpoint.js'
import { badGatewayHtml, checkFaultSettings, delay, hang, mergeFaults, noFaults } from './faults.js'
import { generateDataset } from './generateDataset.js'
import type * as mappings from './mappings.js'
import type { MockEpaas, MockEpaasOptions, RecordedRequest } from './MockEpaas.js'
import { MockEpaasError, MockErrcode } from './MockErrcode.js'
import { json, jsonHeaders, preflight, readBody, withoutTokens } from './mockHttp.js'
import { Params, queryMap } from './Params.js'
import { createPrng } from './prng.js'
import type { MockCredentials } from './tokenEndpoints.js'
import { TokenStore } from './TokenStore.js'

export type { MockEpaas, MockEpaasOptions, RecordedRequest } from './MockEpaas.js'

const DEFAULT_TTL_SECONDS = 7200
const DEFAULT_LOG_LIMIT = 10_000

const endpointByPath = new Map<string, EndpointName>(
  (Object.keys(endpoints) as EndpointName[]).map((name) => [endpoints[name].path, name]),
)

/** Generated datasets, shared by mocks created with the same kind and seed (they are read-only). */
const datasetCache = new Map<string, Dataset>()
function cachedDataset(kind: DatasetKind, seed: number): Dataset {
  const key = `${kind}:${seed}`
  let data = datasetCache.get(key)
  if (!data) {
    if (datasetCache.size >= 4) datasetCache.delete(datasetCache.keys().next().value as string)
    data = generateDataset(kind, seed)
    datasetCache.set(key, data)
  }
  return data
}

/**
 * Creates an ePaaS double over generated data.
 *
 * @example
 * const mock = createMockEpaas({ dataset: 'small' })
 * const epaas = createEpaasClient({
 *   baseUrl: 'http://mock.epaas',
 *   fetch: mock.fetch,
 *   token: mock.issueUserToken(),
 * })
 * const { node_list } = await epaas.selectDepartments({ id: '0', is_show_root: true })
 *
 * @example
 * // Faults: one request in five answers errcode -1, every answer 50 ms late.
 * mock.faults.set({ busyRate: 0.2, latencyMs: 50 })
 */
export function createMockEpaas(options: MockEpaasOptions = {}): MockEpaas {
  // Long as a table of small closures over one mock's state (data, tokens, faults, log) is.
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now
  const ttlSeconds = options.tokenTtlSeconds ?? DEFAULT_TTL_SECONDS
  const logLimit = options.requestLogLimit ?? DEFAULT_LOG_LIMIT
  const data =
    typeof options.dataset === 'object'
      ? options.dataset
      : cachedDataset(options.dataset ?? 'small', seed)
  const tokens = new TokenStore(now)
  const dingtalkTokens: mappings.DingtalkTokens = new Map()
  const faultPrng = createPrng(seed ^ 0x9e3779b9)
  const initialFaults = mergeFaults(noFaults, checkFaultSettings(options.faults ?? {}))
  let faults = initialFaults
  const credentials: MockCredentials = {
    suite_id: 'mock-suite-id',
    suite_secret: 'mock-suite-secret',
    suite_ticket: 'mock-suite-ticket',
    auth_corpid: String(data.topCorpid),
    permanent_code: 'mock-permanent-code',
    ...options.credentials,
  }
  if (!data.organizationByCorpid.has(Number(credentials.auth_corpid))) {
    throw new Error(`credentials.auth_corpid ${credentials.auth_corpid} is not in the dataset`)
  }

  const endpointContext = { data, credentials, tokens, ttlSeconds, dingtalkTokens, now }
  const requests: RecordedRequest[] = []
  const counts = new Map<string, number>()
  let seq = 0

  function corpidOf(corpid: string | number | undefined): number {
    const value = corpid === undefined ? data.topCorpid : Number(corpid)
    if (!data.organizationByCorpid.has(value)) {
      throw new Error(`corpid ${String(corpid)} is not an organisation of the dataset`)
    }
    return value
  }

  /** The envelope for a request that got past the fault switches. */
  function answer(
    name: EndpointName,
    method: string,
    query: Map<string, string[]>,
    body: { value: unknown; malformed: boolean },
    record: RecordedRequest,
  ): Record<string, unknown> {
    try {
      const spec = endpoints[name]
      // The seed allows GET and POST for select; GET endpoints also take a POST with `{}`.
      if (spec.method === 'GET' ? method !== 'GET' && method !== 'POST' : method !== 'POST') {
        if (!(name === 'selectDepartments' && method === 'GET')) {
          throw spec.method === 'GET'
            ? new MockEpaasError(MockErrcode.GetRequired, 'require GET method')
            : new MockEpaasError(MockErrcode.PostRequired, 'require POST method')
        }
      }
      const token = authenticate(tokens, spec.token, query, record)
      if (body.malformed)
        throw new MockEpaasError(MockErrcode.InvalidJson, 'the body is not valid JSON')
      const value = body.value ?? {}
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new MockEpaasError(MockErrcode.InvalidParameter, 'the body must be a JSON object')
      }
      const params = new Params(value as Record<string, unknown>, withoutTokens(query))
      const answered = dispatchEndpoint(name, token, params, endpointContext)
      return { errcode: MockErrcode.Ok, errmsg: 'ok', ...answered }
    } catch (error) {
      if (error instanceof MockEpaasError) return { errcode: error.errcode, errmsg: error.errmsg }
      throw error
    }
  }

  function roll(rate: number): boolean {
    return rate > 0 && (rate >= 1 || faultPrng.next() < rate)
  }

  function log(record: RecordedRequest) {
    requests.push(record)
    // Trimmed in batches so that a long load test does not grow memory or pay a shift per request.
    if (requests.length > logLimit + Math.ceil(logLimit / 10)) {
      requests.splice(0, requests.length - logLimit)
    }
    counts.set(record.path, (counts.get(record.path) ?? 0) + 1)
  }

  /** The fault switches before an answer: latency, then a hang, a 502 page or a busy answer. */
  async function injectFault(request: Request, record: RecordedRequest): Promise<Response | null> {
    const wait =
      faults.latencyMs +
      (faults.latencyJitterMs > 0 ? faultPrng.next() * faults.latencyJitterMs : 0)
    if (wait > 0) await delay(wait, request.signal)
    if (roll(faults.hangRate)) {
      record.fault = 'hang'
      return hang(request.signal)
    }
    if (roll(faults.http502Rate)) {
      record.fault = 'http502'
      record.status = 502
      return new Response(badGatewayHtml, {
        status: 502,
        headers: { 'content-type': 'text/html', 'access-control-allow-origin': '*' },
      })
    }
    if (roll(faults.busyRate)) {
      record.fault = 'busy'
      record.errcode = MockErrcode.Busy
      record.status = 200
      return json({ errcode: MockErrcode.Busy, errmsg: 'system busy' })
    }
    return null
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const { pathname: path } = url
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') return preflight(request)
    if (path.startsWith('/__mock/'))
      return handleControlRoute(mock, request, path, { tokenTtlSeconds: ttlSeconds })

    const body = await readBody(request, method)
    const query = queryMap(url.searchParams)
    const record: RecordedRequest = {
      seq: ++seq,
      at: now(),
      method,
      path,
      query: Object.fromEntries(Array.from(withoutTokens(query), ([k, v]) => [k, v.join(',')])),
      body: body.value,
      tokenKind: undefined,
      errcode: undefined,
      status: undefined,
      fault: undefined,
    }
    log(record)

    const name = endpointByPath.get(path)
    if (!name) {
      record.status = 404
      return json({ errcode: 404, errmsg: `no such endpoint: ${path}` }, 404)
    }

    const faulty = faults.paths ? faults.paths.includes(path) : true
    if (faulty) {
      const faulted = await injectFault(request, record)
      if (faulted) return faulted
    }

    let envelope: Record<string, unknown>
    try {
      envelope = answer(name, method, query, body, record)
    } catch (error) {
      record.status = 500
      const message = error instanceof Error ? error.message : String(error)
      return json({ errcode: 500, errmsg: `mock internal error: ${message}` }, 500)
    }
    record.errcode = envelope.errcode as number
    record.status = 200
    let out = JSON.stringify(envelope)
    if (faulty && roll(faults.malformedRate)) {
      record.fault = 'malformed'
      // Any proper prefix of a JSON object is invalid JSON.
      out = out.slice(0, Math.max(1, Math.floor(out.length / 2)))
    }
    return new Response(out, { status: 200, headers: jsonHeaders })
  }

  const mock: MockEpaas = {
    handle,
    fetch: ((input: RequestInfo | URL, init?: RequestInit) =>
      handle(new Request(input, init))) as typeof fetch,
    data,
    issueUserToken: (o = {}) =>
      tokens.issue('user', corpidOf(o.corpid), o.ttlSeconds ?? ttlSeconds),
    issueOrgToken: (o = {}) => tokens.issue('org', corpidOf(o.corpid), o.ttlSeconds ?? ttlSeconds),
    revokeToken: (token) => tokens.revoke(token),
    revokeAllTokens: () => tokens.revokeAll(),
    credentials,
    faults: {
      get: () => ({ ...faults, ...(faults.paths ? { paths: [...faults.paths] } : {}) }),
      set: (settings) => {
        faults = mergeFaults(faults, checkFaultSettings(settings))
      },
      reset: () => {
        faults = initialFaults
      },
    },
    requests,
    callCount: (path) => {
      if (path !== undefined) return counts.get(path) ?? 0
      let total = 0
      for (const [p, n] of counts) if (endpointByPath.has(p)) total += n
      return total
    },
    resetLog: () => {
      requests.length = 0
      counts.clear()
    },
  }
  return mock
}
