/**
 * The demo's backend, all in the dev server's process: the proxy mounted at `/api/epaas`, the
 * (mock) send at `/api/notices`, a demo session per browser, and, unless `EPAAS_BASE_URL` names
 * a real server, the mock ePaaS listening on loopback.
 *
 * The pieces a real app changes are marked "A real app": sign-in (`authorize`), where the user
 * token comes from (`getUserToken`) and the organisation token's credentials.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { MockServer } from '@epaas-picker/mock-server/node'
import { startMockServer } from '@epaas-picker/mock-server/node'
import type { EpaasProxy, EpaasProxyOptions, TokenSource } from '@epaas-picker/proxy'
import { createEpaasProxy, ProxyError, staticToken, suiteTokenSource } from '@epaas-picker/proxy'
import { nodeEpaasProxy, toWebRequest, writeWebResponse } from '@epaas-picker/proxy/node'
import { createNoticeHandler, type SentNotice } from './createNoticeHandler.js'
import { DemoSessions, type DemoSession } from './DemoSessions.js'
import type { DemoDataset, DemoUpstreamConfig } from './readDemoConfig.js'

/** Where the proxy is mounted. */
export const PROXY_BASE_PATH = '/api/epaas'
/** The (mock) send route. */
export const NOTICES_PATH = '/api/notices'
/** What the page learns about the backend (no secrets). */
export const INFO_PATH = '/api/demo/info'

/** What `GET /api/demo/info` answers. */
export interface DemoInfo {
  upstream: { kind: 'mock'; dataset: DemoDataset } | { kind: 'remote'; host: string }
  /** Whether the request carried a live session cookie. */
  signedIn: boolean
  /** The mapping routes work (an organisation token is configured). */
  mapping: boolean
}

/** Options of {@link createDemoBackend}. */
export interface DemoBackendOptions {
  /** The mock (with its dataset) or a remote server; see `readDemoConfig`. */
  upstream: DemoUpstreamConfig
  /** Extra proxy options (a quiet `logger` in tests, `onEvent`...). */
  proxyOptions?: Partial<EpaasProxyOptions>
  /** Called after each (mock) send. */
  onSent?: (notice: SentNotice) => void
}

/** The running backend. */
export interface DemoBackend {
  readonly upstream: DemoUpstreamConfig
  /** The base URL the proxy calls: the mock's loopback URL, or `EPAAS_BASE_URL`. */
  readonly upstreamUrl: string
  /** The mock server, when the demo runs on it. */
  readonly mock: MockServer | undefined
  readonly proxy: EpaasProxy
  readonly sessions: DemoSessions
  /** Connect-style middleware serving the demo's routes; anything else goes on to `next`. */
  middleware(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void
  /** Stops the proxy and the mock. */
  close(): Promise<void>
}

/**
 * Starts the backend: the mock (unless remote), the proxy and the sessions.
 *
 * @example
 * const backend = await createDemoBackend({ upstream: { kind: 'mock', dataset: 'small' } })
 * server.middlewares.use(backend.middleware) // Vite's configureServer
 */
export async function createDemoBackend(options: DemoBackendOptions): Promise<DemoBackend> {
  const { upstream } = options
  const mock =
    upstream.kind === 'mock'
      ? await startMockServer({ port: 0, dataset: upstream.dataset })
      : undefined
  const upstreamUrl = mock ? mock.url : upstream.kind === 'remote' ? upstream.baseUrl : ''

  // A real app: the user token comes from its ePaaS sign-in (OAuth) and lives in its session.
  // Here every new session asks the mock for one, or uses EPAAS_USER_TOKEN.
  const sessions = new DemoSessions({
    issueUserToken: () =>
      mock ? mock.mock.issueUserToken() : upstream.kind === 'remote' ? upstream.userToken : '',
  })
  const getSession = (request: Request): DemoSession | undefined =>
    sessions.fromCookieHeader(request.headers.get('cookie'))

  let orgToken: TokenSource | undefined
  if (mock) {
    // The real token path, against the mock: suite credentials + the pushed suite_ticket give
    // the suite token, which with the school's permanent_code gives the organisation token.
    // A real app reads these from its secrets and its ticket callback.
    const credentials = mock.mock.credentials
    orgToken = suiteTokenSource({
      suite_id: credentials.suite_id,
      suite_secret: credentials.suite_secret,
      getSuiteTicket: () => credentials.suite_ticket,
      auth_corpid: credentials.auth_corpid,
      permanent_code: credentials.permanent_code,
    })
  } else if (upstream.kind === 'remote' && upstream.orgToken) {
    orgToken = staticToken(upstream.orgToken)
  }

  const proxy = createEpaasProxy({
    baseUrl: upstreamUrl,
    basePath: PROXY_BASE_PATH,
    // A real app: "is this request from a signed-in user who may pick recipients?"
    authorize: (request) => {
      if (!getSession(request)) {
        throw new ProxyError('unauthorized', 'no session: reload the page to sign in again')
      }
      return true
    },
    getUserToken: (request, { stale }) => {
      const session = getSession(request)
      if (!session) return undefined
      if (stale === undefined) return session.userToken
      // Upstream refused the token: the mock can issue a new one; a fixed remote token cannot be
      // renewed here, so the call fails with upstream's errcode.
      return mock ? sessions.refreshUserToken(session, stale) : undefined
    },
    orgToken,
    // Count requests per browser session rather than per (shared) token.
    rateLimit: { key: (request) => getSession(request)?.id },
    ...options.proxyOptions,
  })

  const proxyMiddleware = nodeEpaasProxy(proxy)
  const sendNotice = createNoticeHandler({ proxy, getSession, onSent: options.onSent })

  const info = (req: IncomingMessage): DemoInfo => ({
    upstream:
      upstream.kind === 'mock'
        ? { kind: 'mock', dataset: upstream.dataset }
        : { kind: 'remote', host: new URL(upstream.baseUrl).host },
    signedIn: sessions.fromCookieHeader(req.headers.cookie) !== undefined,
    mapping: orgToken !== undefined,
  })

  const serveWeb = (
    handler: (request: Request) => Promise<Response>,
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    const controller = new AbortController()
    res.once('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    handler(toWebRequest(req, controller.signal))
      .then((response) => writeWebResponse(res, response, controller.signal))
      .catch(next)
  }

  return {
    upstream,
    upstreamUrl,
    mock,
    proxy,
    sessions,
    middleware(req, res, next) {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      if (path === NOTICES_PATH) {
        serveWeb(sendNotice, req, res, next)
        return
      }
      if (path === INFO_PATH) {
        res.setHeader('content-type', 'application/json; charset=utf-8')
        res.setHeader('cache-control', 'no-store')
        res.end(JSON.stringify(info(req)))
        return
      }
      if (path === PROXY_BASE_PATH || path.startsWith(`${PROXY_BASE_PATH}/`)) {
        proxyMiddleware(req, res, next)
        return
      }
      // A real app signs users in on its login page. The demo signs in whoever opens the page:
      // a top-level navigation without a live session gets a new one.
      if (isPageNavigation(req) && !sessions.fromCookieHeader(req.headers.cookie)) {
        res.appendHeader('set-cookie', sessions.create().setCookie)
      }
      next()
    },
    async close() {
      await proxy.close()
      await mock?.close()
    },
  }
}

/** A browser loading a page (not a script, an image or a fetch). */
function isPageNavigation(req: IncomingMessage): boolean {
  if (req.method !== 'GET') return false
  const dest = req.headers['sec-fetch-dest']
  if (dest !== undefined) return dest === 'document'
  return (req.headers.accept ?? '').includes('text/html')
}
