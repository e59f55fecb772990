/**
 * The proxy in a process of its own for the load test: `createEpaasProxy` behind the Node http
 * adapter, on loopback with an ephemeral port, pointed at `EPAAS_BASE_URL` with the tokens of
 * `USER_TOKEN` and `ORG_TOKEN`. Defaults everywhere except the per-user rate limit, which a load
 * test from one user would hit at once, and `mapping.windowMs` when `MAPPING_WINDOW_MS` is set. Prints one JSON line (its URL) and stops when its standard
 * input closes.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEpaasProxy, staticToken } from '@epaas-picker/proxy'
import { nodeEpaasProxy } from '@epaas-picker/proxy/node'

const userToken = process.env.USER_TOKEN
const orgToken = process.env.ORG_TOKEN
if (!userToken || !orgToken) throw new Error('USER_TOKEN and ORG_TOKEN are required')
const proxy = createEpaasProxy({
  baseUrl: process.env.EPAAS_BASE_URL,
  authorize: () => true,
  getUserToken: () => userToken,
  orgToken: staticToken(orgToken),
  rateLimit: false,
  ...(process.env.MAPPING_WINDOW_MS
    ? { mapping: { windowMs: Number(process.env.MAPPING_WINDOW_MS) } }
    : {}),
})
const server = createServer(nodeEpaasProxy(proxy))
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address() as AddressInfo
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`)
process.stdin.on('end', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
process.stdin.resume()
