/**
 * The mock as MSW 2 request handlers, so that a browser (Storybook, Vitest browser mode, a demo
 * without a backend) or Node tests using `setupServer` talk to it through plain `fetch`.
 */
import { http, type HttpHandler } from 'msw'
import type { MockEpaas } from './createMockEpaas.js'

/** Options of {@link createMswHandlers}. */
export interface MswHandlersOptions {
  /**
   * Where the intercepted requests go, e.g. `https://oapi.epaas.qq.com` or
   * `http://localhost:6006/epaas`. A path in it is removed before the mock sees the request.
   */
  baseUrl: string
}

/**
 * MSW handlers answering every request under `baseUrl` from `mock`.
 *
 * @example
 * const mock = createMockEpaas()
 * const worker = setupWorker(...createMswHandlers(mock, { baseUrl: 'https://oapi.epaas.qq.com' }))
 * await worker.start()
 */
export function createMswHandlers(mock: MockEpaas, options: MswHandlersOptions): HttpHandler[] {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const prefix = new URL(baseUrl, 'http://placeholder').pathname.replace(/\/+$/, '')
  return [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      if (!prefix) return mock.handle(request)
      const url = new URL(request.url)
      url.pathname = url.pathname.slice(prefix.length) || '/'
      const hasBody = request.method !== 'GET' && request.method !== 'HEAD'
      return mock.handle(
        new Request(url, {
          method: request.method,
          headers: request.headers,
          body: hasBody ? await request.arrayBuffer() : undefined,
          signal: request.signal,
        }),
      )
    }),
  ]
}
