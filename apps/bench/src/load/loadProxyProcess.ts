/**
 * The proxy in a process of its own for the load test, as an app would run it: the Node adapter
 * on loopback (port 0), the suite token flow against the mock, memory caches, no rate limit.
 * Configuration as JSON in `EPAAS_LOAD_PROXY` ({@link LoadProxyConfig}); prints `{"url": ...}`
 * once listening. Outside the base path it answers `GET /__process/stats` (heap, compiled code)
 * and `POST /__process/gc` (collects garbage when started with `--expose-gc`, then the stats).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getHeapSpaceStatistics } from 'node:v8'
import { createEpaasProxy, suiteTokenSource } from '@epaas-picker/proxy'
import { nodeEpaasProxy } from '@epaas-picker/proxy/node'

/** What {@link startLoadProxy} passes to the process. */
export interface LoadProxyConfig {
  /** The mock ePaaS (base URL). */
  mockUrl: string
  /** The suite credentials the mock accepts (`mock.credentials`). */
  credentials: {
    suite_id: string
    suite_secret: string
    suite_ticket: string
    auth_corpid: string
    permanent_code: string
  }
}

const config = JSON.parse(process.env.EPAAS_LOAD_PROXY ?? '{}') as LoadProxyConfig
const { credentials } = config
const proxy = createEpaasProxy({
  baseUrl: config.mockUrl,
  authorize: () => true,
  getUserToken: (request) => request.headers.get('x-test-user-token') ?? undefined,
  orgToken: suiteTokenSource({
    suite_id: credentials.suite_id,
    suite_secret: credentials.suite_secret,
    getSuiteTicket: () => credentials.suite_ticket,
    auth_corpid: credentials.auth_corpid,
    permanent_code: credentials.permanent_code,
  }),
  rateLimit: false,
})
const handler = nodeEpaasProxy(proxy)
const gc = (globalThis as { gc?: () => void }).gc

const server = createServer((req, res) => {
  if (req.url !== '/__process/stats' && req.url !== '/__process/gc') {
    handler(req, res)
    return
  }
  if (req.url === '/__process/gc' && gc) {
    // Twice: the first pass lets finalizers run, the second collects what they freed.
    gc()
    gc()
  }
  res.setHeader('content-type', 'application/json')
  res.end(
    JSON.stringify({
      heapUsed: process.memoryUsage().heapUsed,
      // Compiled code is part of the heap: it grows while the JIT optimises, not with requests.
      codeUsed: getHeapSpaceStatistics()
        .filter((space) => space.space_name.startsWith('code'))
        .reduce((sum, space) => sum + space.space_used_size, 0),
      gc: gc !== undefined,
    }),
  )
})
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`)
})
// The parent went away without stopping us: do not linger.
process.on('disconnect', () => process.exit(0))
process.on('SIGTERM', () => process.exit(0))
