/**
 * The request path's steps before the route's own handler, in order: CSRF, `authorize`, the user
 * token, the rate limit, the body. Each is a small function of the request and its route; what
 * differs per route is read from the route table (`routes.ts`), never from the route's name.
 */
import type {
  Authorize,
  GetUserToken,
  RateLimitOptions,
  RouteContext,
} from './EpaasProxyOptions.js'
import type { ProxyLimits } from './createSchemas.js'
import type { TokenHandle } from './createUpstream.js'
import type { ProxyEventListener } from './events.js'
import { hashToken } from './hashToken.js'
import { ProxyError } from './ProxyError.js'
import type { RateLimiter } from './rateLimiter.js'
import { readJsonBody } from './readJsonBody.js'
import type { Redactor } from './redact.js'
import type { Route } from './routes.js'

/** One request on its way through the steps. */
export interface RequestInProgress {
  request: Request
  route: Route
  context: RouteContext
}

/** What the steps are built on. */
export interface RequestStepsOptions {
  csrfGuard: (request: Request) => void
  authorize?: Authorize
  getUserToken?: GetUserToken
  rateLimit?: { options: RateLimitOptions; limiter: RateLimiter }
  limits: ProxyLimits
  allowGetAllStudent: boolean
  redactor: Redactor
  emit: ProxyEventListener
}

/** The steps, built once per proxy. */
export function createRequestSteps(options: RequestStepsOptions) {
  const { redactor, rateLimit } = options

  /** The app's verdict: `undefined` to go on, or the app's own answer. */
  async function authorize({ request, context }: RequestInProgress) {
    if (!options.authorize) return undefined
    let verdict: boolean | Response
    try {
      verdict = await options.authorize(request, context)
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
    if (verdict instanceof Response) return verdict
    if (verdict !== true) throw new ProxyError('forbidden', 'not allowed to call this route')
    return undefined
  }

  /** The request's user token, read when the route uses one or the rate limit keys on it. */
  async function readUserToken({ request, route, context }: RequestInProgress) {
    const needed = route.token === 'user' || (rateLimit !== undefined && !rateLimit.options.key)
    if (!options.getUserToken || !needed) return undefined
    const token = (await options.getUserToken(request, context)) || undefined
    redactor.register(token)
    return token
  }

  async function limitRate({ request, route, context }: RequestInProgress, userToken?: string) {
    if (!rateLimit) return
    const key = (await rateLimit.options.key?.(request, context)) ?? (await hashToken(userToken))
    const decision = await rateLimit.limiter.consume(key)
    if (decision.allowed) return
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
    options.emit({ type: 'rate-limited', route: route.path, retryAfterSeconds })
    throw new ProxyError('rate_limited', `too many requests; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
    })
  }

  /** The raw JSON body, bounded by the route's limit; `{}` for a bodiless GET route. */
  async function readBody({ request, route }: RequestInProgress): Promise<unknown> {
    const raw = await readJsonBody(
      request,
      options.limits[route.bodyLimit],
      options.limits.bodyTimeoutMs,
    )
    return raw === undefined && route.emptyBodyIsObject ? {} : raw
  }

  /** The route's checks beyond its schema, on the validated body. */
  function checkRoute({ route }: RequestInProgress, raw: unknown) {
    for (const check of route.checks) {
      if (check === 'getAllStudentAllowed' && !options.allowGetAllStudent && isGetAllStudent(raw)) {
        throw new ProxyError('forbidden', 'is_get_all_student is not allowed by this proxy')
      }
    }
  }

  /** The user token as a handle upstream can refresh (by asking `getUserToken` again). */
  function userTokenHandle(
    { request, route, context }: RequestInProgress,
    userToken: string | undefined,
  ): TokenHandle | undefined {
    if (route.token !== 'user') return undefined
    const { getUserToken } = options
    if (!getUserToken) throw new ProxyError('not_configured', 'getUserToken is not configured')
    if (!userToken) throw new ProxyError('no_user_token', 'no user token for this request')
    return {
      kind: 'user',
      get: async () => userToken,
      refresh: async (stale) => {
        const fresh = (await getUserToken(request, { ...context, stale })) || undefined
        redactor.register(fresh)
        return fresh
      },
    }
  }

  return {
    csrf: ({ request }: RequestInProgress) => options.csrfGuard(request),
    authorize,
    readUserToken,
    limitRate,
    readBody,
    checkRoute,
    userTokenHandle,
  }
}

function isGetAllStudent(raw: unknown) {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    (raw as { is_get_all_student?: unknown }).is_get_all_student === true
  )
}
