/**
 * The mock as a real HTTP server (Node only), for tests of code that speaks HTTP and for
 * `pnpm mock`. Serves `mock.handle` through `@hono/node-server`.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import { createMockEpaas, type MockEpaas, type MockEpaasOptions } from './createMockEpaas.js'

/** Options of {@link startMockServer}: the mock's, plus where to listen. */
export interface MockServerOptions extends MockEpaasOptions {
  /** TCP port (default 0: an ephemeral port chosen by the system). */
  port?: number
  /** Interface to listen on (default `127.0.0.1`: loopback only). */
  host?: string
}

/** A mock listening on a port. */
export interface MockServer {
  /** Base URL, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string
  /** The mock behind the server: tokens, faults, request log, data. */
  mock: MockEpaas
  /** Stops listening and drops open connections (hanging requests included). */
  close(): Promise<void>
}

/**
 * Starts a mock ePaaS server on loopback.
 *
 * @example
 * const server = await startMockServer({ port: 0, dataset: 'small' })
 * const epaas = createEpaasClient({ baseUrl: server.url, token: server.mock.issueUserToken() })
 * // ...
 * await server.close()
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = '127.0.0.1', ...mockOptions } = options
  const mock = createMockEpaas(mockOptions)
  const server = serve({
    fetch: async (request: Request) => {
      try {
        return await mock.handle(request)
      } catch (error) {
        // A hanging request ends when its client goes away; nobody is left to answer.
        if (request.signal.aborted) return new Response(null, { status: 499 })
        throw error
      }
    },
    port,
    hostname: host,
    // Keep Node's own Request/Response: tests in the same process compare against them.
    overrideGlobalObjects: false,
  }) as Server
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error)
    server.once('error', onError)
    const ready = () => {
      server.off('error', onError)
      resolve()
    }
    if (server.listening) ready()
    else server.once('listening', ready)
  })
  const address = server.address() as AddressInfo
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address
  let closing: Promise<void> | undefined
  return {
    url: `http://${urlHost}:${address.port}`,
    mock,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      })),
  }
}
