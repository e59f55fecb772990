/**
 * Test harness: the mock ePaaS running for real on loopback, a proxy in front of it, a logger
 * whose every line is kept, and a fetch that records the tokens the mock hands out.
 */
import { once } from 'node:events'
import { createServer, Server as HttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import { startMockServer } from '@epaas-picker/mock-server/node'
import { pino } from 'pino'
import { createEpaasProxy, type EpaasProxy, type EpaasProxyOptions } from '../createEpaasProxy.js'
import type { ProxyEvent } from '../events.js'
import { nodeEpaasProxy } from '../adapters/nodeEpaasProxy.js'
import { suiteTokenSource } from '../tokens/suiteTokenSource.js'

export type MockServer = Awaited<ReturnType<typeof startMockServer>>

/** Every line logged by proxies of this harness, and every token the mock issued. */
export const captured = {
  lines: [] as string[],
  issuedTokens: new Set<string>(),
  /** The last org token `get_corp_token` answered. */
  lastCorpToken: undefined as string | undefined,
}

/** A pino logger at debug level writing into {@link captured}. */
export function capturingLogger() {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      captured.lines.push(chunk.toString('utf8'))
      done()
    },
  })
  return pino({ level: 'debug' }, stream)
}

/** A fetch that notes every token a token endpoint answers. */
export const recordingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const url = String(input instanceof Request ? input.url : input)
  if (url.includes('/service/get_suite_token') || url.includes('/service/get_corp_token')) {
    const body = (await response.clone().json()) as Record<string, unknown>
    for (const field of ['suite_access_token', 'access_token']) {
      if (typeof body[field] === 'string') captured.issuedTokens.add(body[field])
    }
    if (typeof body.access_token === 'string') captured.lastCorpToken = body.access_token
  }
  return response
}

/** Starts the mock on loopback (port 0). */
export async function startMock(
  options: Parameters<typeof startMockServer>[0] = {},
): Promise<MockServer> {
  return startMockServer({ port: 0, dataset: 'small', ...options })
}

/** Issues a user token on the mock and remembers it. */
export function userToken(mock: MockServer['mock'], options?: { ttlSeconds?: number }) {
  const token = mock.issueUserToken(options)
  captured.issuedTokens.add(token)
  return token
}

/** Issues an org token on the mock and remembers it. */
export function orgToken(mock: MockServer['mock'], options?: { ttlSeconds?: number }) {
  const token = mock.issueOrgToken(options)
  captured.issuedTokens.add(token)
  return token
}

/** The suite flow against the mock's credentials. */
export function mockSuiteSource(
  server: MockServer,
  extra: Partial<Parameters<typeof suiteTokenSource>[0]> = {},
) {
  const { credentials } = server.mock
  return suiteTokenSource({
    baseUrl: server.url,
    fetch: recordingFetch,
    suite_id: credentials.suite_id,
    suite_secret: credentials.suite_secret,
    getSuiteTicket: () => credentials.suite_ticket,
    auth_corpid: credentials.auth_corpid,
    permanent_code: credentials.permanent_code,
    ...extra,
  })
}

/** Header carrying the test session's user token (a stand-in for a session cookie). */
export const SESSION_HEADER = 'x-test-user-token'

/** A proxy on the mock with test defaults: authorize all, user token from a header, capture logs. */
export function testProxy(
  server: MockServer,
  options: Partial<EpaasProxyOptions> = {},
): EpaasProxy & { events: ProxyEvent[] } {
  const events: ProxyEvent[] = []
  const proxy = createEpaasProxy({
    baseUrl: server.url,
    fetch: recordingFetch,
    authorize: () => true,
    getUserToken: (request) => request.headers.get(SESSION_HEADER) ?? undefined,
    logger: capturingLogger(),
    retry: { minDelayMs: 5, maxDelayMs: 20 },
    rateLimit: false,
    onEvent: (event) => events.push(event),
    ...options,
  })
  return Object.assign(proxy, { events })
}

/** A POST to a proxy route, same-origin, with the session's user token. */
export function post(
  path: string,
  body: unknown,
  options: { token?: string; headers?: Record<string, string>; base?: string } = {},
): Request {
  return new Request(`${options.base ?? 'http://app.test'}/api/epaas${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'sec-fetch-site': 'same-origin',
      ...(options.token ? { [SESSION_HEADER]: options.token } : {}),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Serves a Node request listener on loopback (port 0). */
export async function listen(
  listener: Parameters<typeof createServer>[1] | Server,
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const server = listener instanceof HttpServer ? listener : createServer(listener)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** Serves a proxy through the Node adapter on loopback. */
export function serveProxy(proxy: EpaasProxy) {
  return listen(nodeEpaasProxy(proxy))
}

/** Calls to an upstream path seen in the proxy's events. */
export function upstreamCalls(events: ProxyEvent[], path: string) {
  return events.filter((e) => e.type === 'upstream' && e.path === path)
}
