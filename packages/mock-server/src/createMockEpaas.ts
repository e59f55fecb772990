/**
 * The mock itself: a web-standard `Request -> Response` handler in front of the generated data,
 * with tokens, fault switches, a request log and `/__mock/*` control routes. Browser-safe: it uses
 * only web APIs, so it runs in Node, in MSW's service worker and in tests alike.
 */
import { endpoints, type EndpointName, type TokenKind } from '@epaas-picker/protocol'
import { handleControlRoute } from './controlRoutes.js'
import type { Dataset, DatasetKind } from './Dataset.js'
import { getDepartmentUsers } from './departmentUsers.js'
import {
  badGatewayHtml,
  checkFaultSettings,
  delay,
  hang,
  mergeFaults,
  noFaults,
  type FaultSettings,
} from './faults.js'
import { generateDataset } from './generateDataset.js'
import * as mappings from './mappings.js'
import { MockEpaasError, MockErrcode } from './MockErrcode.js'
import { Params, queryMap } from './Params.js'
import { createPrng } from './prng.js'
import { selectDepartments } from './select.js'
import { getCorpToken, getSuiteToken, type MockCredentials } from './tokenEndpoints.js'
import { TokenStore, type MockTokenKind, type TokenRecord } from './TokenStore.js'

/** Options of {@link createMockEpaas}. */
export interface MockEpaasOptions {
  /**
   * Which data: `'small'` (default) is one school with about 1,500 people; `'district'` is an
   * education bureau with 32 schools as sub-organisations and about 100,000 people; or a
   * prebuilt {@link Dataset} from `generateDataset` (shared safely: the mock never changes it).
   */
  dataset?: DatasetKind | Dataset
  /** PRNG seed for the generator and the fault rolls (default 1). Same seed, same data. */
  seed?: number
  /** Lifetime of issued tokens, in seconds (default 7200, as upstream). */
  tokenTtlSeconds?: number
  /** The clock, in ms since the epoch, for expiry tests (default `Date.now`). */
  now?: () => number
  /** Faults from the start (default none); `faults.reset()` returns to these. */
  faults?: Partial<FaultSettings>
  /** Override the credentials the token endpoints accept (defaults: see `credentials`). */
  credentials?: Partial<MockCredentials>
  /** How many requests `requests` keeps, the oldest dropped first (default 10,000). */
  requestLogLimit?: number
}

/** One request the mock received. */
export interface RecordedRequest {
  /** 1, 2, 3... in order of arrival. */
  seq: number
  /** Arrival time on the mock's clock (ms). */
  at: number
  method: string
  /** Endpoint path, e.g. `/campus/department/select`. */
  path: string
  /** Query parameters, tokens removed. */
  query: Record<string, string>
  /** The parsed JSON body; `undefined` without a body or when it is not JSON. */
  body: unknown
  /** Kind of the token presented, when the mock knows it (also for an expired one). */
  tokenKind: MockTokenKind | undefined
  /** errcode answered; `undefined` for faults without an envelope and while pending. */
  errcode: number | undefined
  /** HTTP status answered; `undefined` while pending or for a hanging request. */
  status: number | undefined
  /** The fault injected into this request, if any. */
  fault: 'busy' | 'http502' | 'hang' | 'malformed' | undefined
}

/** A running ePaaS double. */
export interface MockEpaas {
  /** Web-standard handler: every endpoint of both seeds, the two token endpoints, and `/__mock/*`. */
  handle(request: Request): Promise<Response>
  /** A `fetch` bound to `handle`: `createEpaasClient({ baseUrl: 'http://mock.epaas', fetch: mock.fetch })`. */
  fetch: typeof fetch
  /** The generated data, for assertions (read-only use). */
  data: Dataset
  /** Issues a user token (用户凭证) for the top organisation, or the given corpid. */
  issueUserToken(options?: { corpid?: string | number; ttlSeconds?: number }): string
  /** Issues an org token (机构凭证) for the top organisation, or the given corpid. */
  issueOrgToken(options?: { corpid?: string | number; ttlSeconds?: number }): string
  /** Forgets a token: it answers 40014 from now on. */
  revokeToken(token: string): void
  /** Forgets every token issued so far. */
  revokeAllTokens(): void
  /** Credentials accepted by `/service/get_suite_token` and `/service/get_corp_token`. */
  credentials: MockCredentials
  /** The fault switches: `get()` the current ones, `set()` some, `reset()` to the initial ones. */
  faults: {
    get(): FaultSettings
    set(settings: Partial<FaultSettings>): void
    reset(): void
  }
  /** Every ePaaS request received, in order (control routes are not recorded). */
  requests: RecordedRequest[]
  /** Requests received for `path`, or for every ePaaS endpoint without it (faulted ones too). */
  callCount(path?: string): number
  /** Empties `requests` and the call counts. */
  resetLog(): void
}

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

const jsonHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'access-control-allow-origin': '*',
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: jsonHeaders })
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

  function authenticate(kind: TokenKind, query: Map<string, string[]>, record: RecordedRequest) {
    if (kind === 'none') return undefined
    const param = kind === 'suite' ? 'suite_access_token' : 'access_token'
    const token = query.get(param)?.[0]
    if (!token) throw new MockEpaasError(MockErrcode.MissingToken, `${param} missing`)
    const found = tokens.lookup(token)
    if (found.status === 'unknown') {
      throw new MockEpaasError(MockErrcode.InvalidToken, `invalid ${param}`)
    }
    record.tokenKind = found.record.kind
    if (found.status === 'expired') {
      throw new MockEpaasError(MockErrcode.ExpiredToken, `${param} expired`)
    }
    const { record: t } = found
    if (kind === 'suite' ? t.kind !== 'suite' : t.kind === 'suite') {
      throw new MockEpaasError(
        MockErrcode.InvalidToken,
        `invalid ${param}: ${kind === 'suite' ? 'not a suite token' : 'a suite token is not an access token'}`,
      )
    }
    if ((kind === 'user' && t.kind !== 'user') || (kind === 'org' && t.kind !== 'org')) {
      throw new MockEpaasError(
        MockErrcode.ApiUnauthorized,
        kind === 'user'
          ? 'api unauthorized: this endpoint takes a user token (用户凭证), not an org token'
          : 'api unauthorized: this endpoint takes an org token (机构凭证), not a user token',
      )
    }
    return t
  }

  function dispatch(name: EndpointName, token: TokenRecord | undefined, params: Params) {
    const corpid = token?.corpid ?? 0
    const ctx = { data, corpid, params }
    const tokenCtx = { params, credentials, tokens, ttlSeconds }
    switch (name) {
      case 'getSuiteToken':
        return getSuiteToken(tokenCtx)
      case 'getCorpToken':
        return getCorpToken(tokenCtx)
      case 'selectDepartments':
        return selectDepartments(data, corpid, params)
      case 'getDepartmentUsers':
        return getDepartmentUsers(data, corpid, params)
      case 'getQywechatDepartmentIds':
        return mappings.getQywechatDepartmentIds(ctx)
      case 'getQywechatUserIds':
        return mappings.getQywechatUserIds(ctx)
      case 'getDepartmentIdsByQywechat':
        return mappings.getDepartmentIdsByQywechat(ctx)
      case 'getUserIdsByQywechat':
        return mappings.getUserIdsByQywechat(ctx)
      case 'getQywxCorpid':
        return mappings.getQywxCorpid(ctx)
      case 'getDingtalkDepartmentIds':
        return mappings.getDingtalkDepartmentIds(ctx)
      case 'getDingtalkUserIds':
        return mappings.getDingtalkUserIds(ctx)
      case 'getDingtalkToken':
        return mappings.getDingtalkToken(ctx, dingtalkTokens, now())
      case 'getDepartmentIdsByDingtalk':
        return mappings.getDepartmentIdsByDingtalk(ctx)
      case 'getUserIdsByDingtalk':
        return mappings.getUserIdsByDingtalk(ctx)
    }
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
      const token = authenticate(spec.token, query, record)
      if (body.malformed)
        throw new MockEpaasError(MockErrcode.InvalidJson, 'the body is not valid JSON')
      const value = body.value ?? {}
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new MockEpaasError(MockErrcode.InvalidParameter, 'the body must be a JSON object')
      }
      const params = new Params(value as Record<string, unknown>, withoutTokens(query))
      return { errcode: MockErrcode.Ok, errmsg: 'ok', ...dispatch(name, token, params) }
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

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const { pathname: path } = url
    const method = request.method.toUpperCase()
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST, OPTIONS',
          'access-control-allow-headers':
            request.headers.get('access-control-request-headers') ?? '*',
        },
      })
    }
    if (path.startsWith('/__mock/'))
      return handleControlRoute(mock, request, path, { tokenTtlSeconds: ttlSeconds })

    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text()
    const body = { value: undefined as unknown, malformed: false }
    if (text.trim() !== '') {
      try {
        body.value = JSON.parse(text)
      } catch {
        body.malformed = true
      }
    }
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

function withoutTokens(query: Map<string, string[]>): Map<string, string[]> {
  const out = new Map(query)
  out.delete('access_token')
  out.delete('suite_access_token')
  return out
}
