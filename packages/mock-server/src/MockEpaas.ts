/** The mock's public shape: its options, its request log and the object `createMockEpaas` answers. */
import type { Dataset, DatasetKind } from './Dataset.js'
import type { FaultSettings } from './faults.js'
import type { MockCredentials } from './tokenEndpoints.js'
import type { MockTokenKind } from './TokenStore.js'

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
