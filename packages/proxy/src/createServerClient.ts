/**
 * The server-side client: the same calls as the routes, for your backend code, with tokens
 * handled. Also the one place `get_dingtalk_token` is reachable (its answer is a credential and
 * never goes to a browser).
 */
import type {
  EndpointTypes,
  GetDingtalkTokenResponse,
  GetQywxCorpidResponse,
  SelectDepartmentsRequest,
  SelectDepartmentsResponse,
  GetDepartmentUsersRequest,
  GetDepartmentUsersResponse,
} from '@epaas-picker/protocol'
import type { TokenHandle, Upstream } from './createUpstream.js'
import type { MappingEndpoint, MappingLookup } from './createMappingLookups.js'
import { describeIssues, type ProxySchemas } from './createSchemas.js'
import { ProxyError } from './ProxyError.js'
import {
  collectResolve,
  resolveRecipients,
  type ResolveEvent,
  type ResolveDependencies,
  type ResolveInput,
  type ResolveResult,
} from './resolveRecipients.js'

/** Options of calls made with a user token (用户凭证). */
export interface UserCallOptions {
  /** The user token to send (or the picker token from `/open/get_app_token`). */
  userToken: string
  /** Cancels the call and its upstream requests. */
  signal?: AbortSignal
}

/** Options of calls made with the organisation token. */
export interface OrgCallOptions {
  /** Cancels the call (shared mapping batches go on for their other callers). */
  signal?: AbortSignal
}

type MappingMethods = {
  [N in MappingEndpoint]: (
    request: EndpointTypes[N][0],
    options?: OrgCallOptions,
  ) => Promise<EndpointTypes[N][1]>
}

/**
 * Typed ePaaS calls for server code. Mapping calls go through the proxy's batches and cache.
 * Failures throw the protocol's `EpaasError` (non-zero errcode after the allowed retries),
 * `EpaasRequestError` (timeout, HTTP, network, malformed) or a {@link ProxyError}.
 */
export interface EpaasServerClient extends MappingMethods {
  /** `/campus/department/select` with a user token. */
  selectDepartments(
    request: SelectDepartmentsRequest,
    options: UserCallOptions,
  ): Promise<SelectDepartmentsResponse>
  /** `/department/user/get` with a user token. */
  getDepartmentUsers(
    request: GetDepartmentUsersRequest,
    options: UserCallOptions,
  ): Promise<GetDepartmentUsersResponse>
  /** `/user/qywechat/get_qywx_corpid` with the user token if given, else the org token. */
  getQywxCorpid(options?: Partial<UserCallOptions>): Promise<GetQywxCorpidResponse>
  /** `/corp/dingtalk/get_dingtalk_token` with the org token. Server-side only: never routed. */
  getDingtalkToken(options?: OrgCallOptions): Promise<GetDingtalkTokenResponse>
  /**
   * Resolves a picker value into recipients as a stream of events (progress, recipient chunks,
   * then a summary). Throws on failure; a summary comes only after complete success.
   *
   * @example
   * for await (const event of proxy.client.resolve({ value, role_ids: [13] }, { userToken })) {
   *   if (event.type === 'recipients') await queue.push(event.recipients)
   * }
   */
  resolve(input: ResolveInput, options: UserCallOptions): AsyncIterable<ResolveEvent>
  /** {@link resolve}, collected: every recipient, the unmapped IDs, the summary. */
  resolveAll(input: ResolveInput, options: UserCallOptions): Promise<ResolveResult>
}

/** What the server client is built on. */
export interface ServerClientDependencies {
  upstream: Upstream
  mapping: MappingLookup
  orgToken: () => TokenHandle
  schemas: ProxySchemas
  /** Everything `resolve` needs but the user token (the proxy's, shared with its routes). */
  resolve: Omit<ResolveDependencies, 'userToken'>
}

/** A token handle for a fixed user token (it cannot be refreshed from here). */
export function fixedToken(token: string): TokenHandle {
  return { get: async () => token }
}

/** Builds the server client. */
export function createServerClient(deps: ServerClientDependencies): EpaasServerClient {
  const mappingMethod =
    <N extends MappingEndpoint>(endpoint: N) =>
    (request: EndpointTypes[N][0], options?: OrgCallOptions) =>
      deps.mapping(endpoint, request, options?.signal)

  const resolve = (input: ResolveInput, options: UserCallOptions): AsyncGenerator<ResolveEvent> => {
    const parsed = deps.schemas.resolve.safeParse(input)
    if (!parsed.success) throw new ProxyError('invalid_body', describeIssues(parsed.error))
    return resolveRecipients(
      parsed.data,
      { ...deps.resolve, userToken: fixedToken(options.userToken) },
      options.signal,
    )
  }

  return {
    selectDepartments: (request, options) =>
      deps.upstream.call('selectDepartments', request, {
        token: fixedToken(options.userToken),
        signal: options.signal,
      }),
    getDepartmentUsers: (request, options) =>
      deps.upstream.call('getDepartmentUsers', request, {
        token: fixedToken(options.userToken),
        signal: options.signal,
      }),
    getQywxCorpid: (options = {}) =>
      deps.upstream.call('getQywxCorpid', undefined, {
        token: options.userToken ? fixedToken(options.userToken) : deps.orgToken(),
        signal: options.signal,
      }),
    getDingtalkToken: (options = {}) =>
      deps.upstream.call('getDingtalkToken', undefined, {
        token: deps.orgToken(),
        signal: options.signal,
      }),
    getQywechatDepartmentIds: mappingMethod('getQywechatDepartmentIds'),
    getQywechatUserIds: mappingMethod('getQywechatUserIds'),
    getDepartmentIdsByQywechat: mappingMethod('getDepartmentIdsByQywechat'),
    getUserIdsByQywechat: mappingMethod('getUserIdsByQywechat'),
    getDingtalkDepartmentIds: mappingMethod('getDingtalkDepartmentIds'),
    getDingtalkUserIds: mappingMethod('getDingtalkUserIds'),
    getDepartmentIdsByDingtalk: mappingMethod('getDepartmentIdsByDingtalk'),
    getUserIdsByDingtalk: mappingMethod('getUserIdsByDingtalk'),
    resolve,
    resolveAll: (input, options) => collectResolve(resolve(input, options)),
  }
}
