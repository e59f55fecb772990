/**
 * The wire fuzzer's server process: the mock ePaaS and one proxy behind each adapter
 * ({@link adapterApps}), so that an input that kills an adapter kills this process, not the
 * test's. Node's own server timeouts are short, so that a request whose headers never end is
 * dropped within the test's waits. Prints `{"urls": {...}, "userToken": ...}` once listening.
 */
import { startMockServer } from '@epaas-picker/mock-server/node'
import { pino } from 'pino'
import { createEpaasProxy } from '../createEpaasProxy.js'
import { staticToken } from '../tokens/TokenSource.js'
import { adapterApps } from './adapterApps.js'

/** What the process prints once it listens. */
export interface AdapterServers {
  /** Each adapter's base URL by name. */
  urls: Record<string, string>
  /** A user token the mock accepts, for requests that should succeed. */
  userToken: string
}

/** Milliseconds a body may take (`limits.bodyTimeoutMs`) in this process. */
export const FUZZ_BODY_TIMEOUT_MS = 200
/** The largest body (`limits.bodyBytes`) in this process. */
export const FUZZ_BODY_BYTES = 4096

const mock = await startMockServer({ port: 0, dataset: 'small' })
const userToken = mock.mock.issueUserToken()
// Errors are logged (with their stacks) here, on stderr: they must never reach a response.
const logger = pino({ level: 'error' }, pino.destination(2))
const proxy = createEpaasProxy({
  baseUrl: mock.url,
  authorize: () => true,
  getUserToken: (request) => request.headers.get('x-test-user-token') ?? undefined,
  orgToken: staticToken(mock.mock.issueOrgToken()),
  limits: { bodyBytes: FUZZ_BODY_BYTES, bodyTimeoutMs: FUZZ_BODY_TIMEOUT_MS },
  rateLimit: false,
  logger,
})
const serverOptions = {
  headersTimeout: 1000,
  requestTimeout: 2000,
  connectionsCheckingInterval: 100,
}
const urls: Record<string, string> = {}
for (const [name, serve] of adapterApps) urls[name] = (await serve(proxy, serverOptions)).url
process.stdout.write(`${JSON.stringify({ urls, userToken } satisfies AdapterServers)}\n`)
// The parent went away: do not linger.
process.on('disconnect', () => process.exit(0))
