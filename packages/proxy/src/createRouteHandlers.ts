/**
 * The last two steps of a request, per route: the body validated against the route's schema,
 * then dispatched (an upstream call, a batched mapping lookup, or a streamed resolve). Each
 * handler binds its schema to its dispatch, so the body's type follows from the schema.
 */
import type { z } from 'zod'
import type { MappingLookup } from './createMappingLookups.js'
import { describeIssues, type ProxySchemas } from './createSchemas.js'
import type { TokenHandle, Upstream } from './createUpstream.js'
import { ProxyError } from './ProxyError.js'
import type { ResolveDependencies } from './resolveRecipients.js'
import { resolveRecipients } from './resolveRecipients.js'
import { jsonResponse } from './responses.js'
import type { RouteName } from './routes.js'

/** What a handler is given beside the body. */
export interface RouteCall {
  signal: AbortSignal
  /**
   * Called once the body passed the schema: answers the request's user token (for the routes
   * that use one), then makes the route's checks beyond the schema; throws to refuse.
   */
  validated(body: unknown): TokenHandle | undefined
}

/** A validated call: the user token (when the route uses one) and the signal. */
interface Validated {
  userToken?: TokenHandle
  signal: AbortSignal
}

/** Validates a route's raw body and answers it. */
export type RouteHandler = (raw: unknown, call: RouteCall) => Promise<Response>

/** What the handlers need, assembled once per proxy. */
export interface RouteHandlerDependencies {
  schemas: ProxySchemas
  upstream: Upstream
  mapping: MappingLookup
  /** Everything `resolve` needs but the user token. */
  resolve: Omit<ResolveDependencies, 'userToken'>
  /** Streams resolve events as NDJSON. */
  streamResolve: (events: ReturnType<typeof resolveRecipients>) => Promise<Response>
}

function bind<S extends z.ZodType>(
  schema: S,
  dispatch: (body: z.output<S>, call: Validated) => Promise<Response>,
): RouteHandler {
  return (raw, call) => {
    const parsed = schema.safeParse(raw)
    if (!parsed.success) throw new ProxyError('invalid_body', describeIssues(parsed.error))
    const userToken = call.validated(parsed.data)
    return dispatch(parsed.data, { userToken, signal: call.signal })
  }
}

const ok = (answer: unknown) => jsonResponse(200, answer)

/** The handler of every route, by name. */
export function createRouteHandlers(
  deps: RouteHandlerDependencies,
): Readonly<Record<RouteName, RouteHandler>> {
  const { schemas, upstream, mapping } = deps
  const user = (call: Validated) => ({ token: call.userToken, signal: call.signal })
  const org = (call: Validated) => call.signal
  return {
    selectDepartments: bind(schemas.selectDepartments, async (body, call) =>
      ok(await upstream.call('selectDepartments', body, user(call))),
    ),
    getDepartmentUsers: bind(schemas.getDepartmentUsers, async (body, call) =>
      ok(await upstream.call('getDepartmentUsers', body, user(call))),
    ),
    getQywxCorpid: bind(schemas.getQywxCorpid, async (_body, call) =>
      ok(await upstream.call('getQywxCorpid', undefined, user(call))),
    ),
    getQywechatDepartmentIds: bind(schemas.getQywechatDepartmentIds, async (body, call) =>
      ok(await mapping('getQywechatDepartmentIds', body, org(call))),
    ),
    getQywechatUserIds: bind(schemas.getQywechatUserIds, async (body, call) =>
      ok(await mapping('getQywechatUserIds', body, org(call))),
    ),
    getDepartmentIdsByQywechat: bind(schemas.getDepartmentIdsByQywechat, async (body, call) =>
      ok(await mapping('getDepartmentIdsByQywechat', body, org(call))),
    ),
    getUserIdsByQywechat: bind(schemas.getUserIdsByQywechat, async (body, call) =>
      ok(await mapping('getUserIdsByQywechat', body, org(call))),
    ),
    getDingtalkDepartmentIds: bind(schemas.getDingtalkDepartmentIds, async (body, call) =>
      ok(await mapping('getDingtalkDepartmentIds', body, org(call))),
    ),
    getDingtalkUserIds: bind(schemas.getDingtalkUserIds, async (body, call) =>
      ok(await mapping('getDingtalkUserIds', body, org(call))),
    ),
    getDepartmentIdsByDingtalk: bind(schemas.getDepartmentIdsByDingtalk, async (body, call) =>
      ok(await mapping('getDepartmentIdsByDingtalk', body, org(call))),
    ),
    getUserIdsByDingtalk: bind(schemas.getUserIdsByDingtalk, async (body, call) =>
      ok(await mapping('getUserIdsByDingtalk', body, org(call))),
    ),
    resolve: bind(schemas.resolve, (body, call) => {
      if (!call.userToken) throw new ProxyError('no_user_token', 'no user token for this request')
      return deps.streamResolve(
        resolveRecipients(body, { ...deps.resolve, userToken: call.userToken }, call.signal),
      )
    }),
  }
}
