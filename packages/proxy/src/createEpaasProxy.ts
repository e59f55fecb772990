/**
 * The proxy: one web-standard handler (`Request -> Response`) a school app mounts in its backend,
 * plus a server-side client. Tokens stay on the server; the browser calls an allow-list of routes.
 */
import pLimit from 'p-limit'
import { memoryCacheStore } from './cache/CacheStore.js'
import { createCsrfGuard } from './csrfGuard.js'
import { createMappingLookups } from './createMappingLookups.js'
import { createRequestSteps } from './createRequestSteps.js'
import { createRouteHandlers } from './createRouteHandlers.js'
import { createSchemas, defaultLimits, type ProxyLimits } from './createSchemas.js'
import { createServerClient } from './createServerClient.js'
import { createUpstream, type TokenHandle } from './createUpstream.js'
import type {
  CacheOptions,
  EpaasProxy,
  EpaasProxyOptions,
  MappingOptions,
  RateLimitOptions,
} from './EpaasProxyOptions.js'
import { resolveErrcodeTable } from './errcodes.js'
import type { ProxyEvent, ProxyEventListener } from './events.js'
import { createFailureLog } from './failureLog.js'
import { createDefaultLogger, createRedactingLogger, type ProxyLogger } from './logger.js'
import { ProxyError } from './ProxyError.js'
import { memoryRateLimiter } from './rateLimiter.js'
import { createRedactor } from './redact.js'
import { resolveBaseUrl } from './resolveBaseUrl.js'
import { errorResponse } from './responses.js'
import { routes, type Route } from './routes.js'
import { streamResolve } from './streamResolve.js'
import { toProxyError } from './toProxyError.js'
import { tokenHandle } from './tokens/TokenSource.js'

export type {
  Authorize,
  CacheOptions,
  EpaasProxy,
  EpaasProxyOptions,
  GetUserToken,
  MappingOptions,
  RateLimitOptions,
  RouteContext,
} from './EpaasProxyOptions.js'

/**
 * Creates the proxy.
 *
 * @example
 * const proxy = createEpaasProxy({
 *   baseUrl: 'https://oapi.epaas.qq.com',
 *   authorize: (request) => sessions.has(request),
 *   getUserToken: (request) => sessions.get(request)?.epaasUserToken,
 *   orgToken: suiteTokenSource({ ...credentials, getSuiteTicket }),
 * })
 * app.use(expressEpaasProxy(proxy))
 */
export function createEpaasProxy(options: EpaasProxyOptions): EpaasProxy {
  const baseUrl = resolveBaseUrl(options.baseUrl, 'createEpaasProxy')
  const basePath = normalizeBasePath(options.basePath ?? '/api/epaas')
  const redactor = createRedactor()
  const logger = createRedactingLogger(options.logger ?? createDefaultLogger(), redactor)
  checkAuthorization(options, logger)
  const emit = safeEmitter(options.onEvent, logger)

  const limits: ProxyLimits = { ...defaultLimits, ...options.limits }
  const errcodes = resolveErrcodeTable(options.errcodes)
  const schemas = createSchemas(limits)
  const upstream = createUpstream({
    baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    errcodes,
    retry: options.retry,
    emit,
    redactor,
  })

  const { orgToken: orgSource } = options
  orgSource?.attach?.({ emit, logger, redactor, upstream })
  const orgHandle = orgSource && tokenHandle(orgSource)
  const orgToken = (): TokenHandle => {
    if (!orgHandle) {
      throw new ProxyError('not_configured', 'no orgToken source is configured for mapping calls')
    }
    return orgHandle
  }

  const mapping = createMappingLookups({
    upstream,
    orgToken,
    ...batchingOptions(options.mapping),
    cache: mappingCache(options.cache),
    emit,
    inputErrcodes: new Set(Object.keys(errcodes.input).map(Number)),
  })
  // Assembled once, for the routes and the server client alike.
  const resolveDependencies = {
    upstream,
    mapping,
    maxRecipients: limits.resolveRecipients,
    maxSubOrganizations: limits.resolveSubOrganizations,
    options: options.resolve ?? {},
  }
  const client = createServerClient({
    upstream,
    mapping,
    orgToken,
    schemas,
    resolve: resolveDependencies,
  })

  const failures = createFailureLog(logger)
  const handlers = createRouteHandlers({
    schemas,
    upstream,
    mapping,
    resolve: resolveDependencies,
    streamResolve: (events) =>
      streamResolve(events, (error) => {
        const failure = toProxyError(error, redactor, errcodes)
        failures.log(failure, '/resolve')
        return failure
      }),
  })
  const steps = createRequestSteps({
    csrfGuard: createCsrfGuard(options.csrf),
    authorize: options.authorize,
    getUserToken: options.getUserToken,
    rateLimit: rateLimitOf(options.rateLimit),
    limits,
    allowGetAllStudent: options.allowGetAllStudent ?? false,
    redactor,
    emit,
  })

  /** The request path, in order: csrf, authorize, token, rate limit, body, schema, dispatch. */
  async function serve(request: Request, route: Route): Promise<Response> {
    const inProgress = { request, route, context: { route: route.path, name: route.name } }
    steps.csrf(inProgress)
    const refusal = await steps.authorize(inProgress)
    if (refusal) return refusal
    const userToken = await steps.readUserToken(inProgress)
    await steps.limitRate(inProgress, userToken)
    const raw = await steps.readBody(inProgress)
    return handlers[route.name](raw, {
      signal: request.signal,
      validated: (body) => {
        const handle = steps.userTokenHandle(inProgress, userToken)
        steps.checkRoute(inProgress, body)
        return handle
      },
    })
  }

  let closed = false
  const inFlight = new Set<Promise<Response>>()

  async function answer(request: Request): Promise<Response> {
    const started = performance.now()
    const route = routeOf(request.url, basePath)
    const routeName = route?.path ?? 'unknown'
    let response: Response
    let code: string | undefined
    try {
      if (closed) throw new ProxyError('unavailable', 'the proxy is shutting down')
      if (!route) throw new ProxyError('not_found', 'no such route')
      if (!route.methods.includes(request.method)) {
        throw new ProxyError('method_not_allowed', `use ${route.methods.join(' or ')}`, {
          allow: [...route.methods],
        })
      }
      response = await serve(request, route)
    } catch (error) {
      const failure = toProxyError(error, redactor, errcodes)
      failures.log(failure, routeName)
      code = failure.code
      response = errorResponse(failure)
    }
    const durationMs = performance.now() - started
    emit({
      type: 'request',
      route: routeName,
      method: request.method,
      status: response.status,
      ...(code ? { code } : {}),
      durationMs,
    })
    logger.debug(
      { route: routeName, method: request.method, status: response.status, durationMs },
      'request',
    )
    return response
  }

  return {
    handle(request) {
      const answering = answer(request)
      inFlight.add(answering)
      void answering.finally(() => inFlight.delete(answering))
      return answering
    },
    client,
    basePath,
    async close() {
      closed = true
      mapping.flush()
      await Promise.allSettled([...inFlight])
    },
  }
}

function checkAuthorization(options: EpaasProxyOptions, logger: ProxyLogger) {
  if (!options.authorize && !options.dangerouslyAllowUnauthenticated) {
    throw new TypeError(
      'createEpaasProxy: `authorize` is required (set dangerouslyAllowUnauthenticated: true for local development only)',
    )
  }
  if (options.authorize) return
  const warning =
    'EPAAS PROXY RUNS WITHOUT AUTHORIZATION: anyone who can reach it can read the address book. ' +
    'Never do this outside local development.'
  logger.warn({ dangerouslyAllowUnauthenticated: true }, warning)
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(warning, { code: 'EPAAS_PROXY_UNAUTHENTICATED' })
  }
}

/** The app's listener, guarded: a throwing listener is logged, never fails a request. */
function safeEmitter(onEvent: ProxyEventListener | undefined, logger: ProxyLogger) {
  return (event: ProxyEvent) => {
    if (!onEvent) return
    try {
      onEvent(event)
    } catch (error) {
      logger.error({ err: error }, 'onEvent threw')
    }
  }
}

function batchingOptions(mapping: MappingOptions | undefined) {
  const windowMs = mapping?.windowMs ?? 5
  return {
    chunkSize: mapping?.chunkSize ?? 100,
    windowMs,
    maxWaitMs: mapping?.maxWaitMs ?? windowMs * 10,
    limit: pLimit(mapping?.concurrency ?? 4),
  }
}

function mappingCache(cache: CacheOptions | false | undefined) {
  if (cache === false) return undefined
  return {
    store: cache?.store ?? memoryCacheStore(),
    keyPrefix: cache?.keyPrefix ?? 'epaas:',
    ttlMs: (cache?.ttlSeconds ?? 600) * 1000,
    negativeTtlMs: (cache?.negativeTtlSeconds ?? 60) * 1000,
  }
}

function rateLimitOf(rateLimit: RateLimitOptions | false | undefined) {
  if (rateLimit === false) return undefined
  const options = rateLimit ?? {}
  const limiter =
    options.limiter ??
    memoryRateLimiter({ points: options.points, durationSeconds: options.durationSeconds })
  return { options, limiter }
}

/** The route a request URL names under the base path, if any. */
function routeOf(url: string, basePath: string): Route | undefined {
  const { pathname } = new URL(url)
  if (!pathname.startsWith(`${basePath}/`)) return undefined
  return routes.get(pathname.slice(basePath.length))
}

function normalizeBasePath(path: string): string {
  const trimmed = `/${path.replace(/^\/+|\/+$/g, '')}`
  return trimmed === '/' ? '' : trimmed
}
