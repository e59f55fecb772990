/**
 * @epaas-picker/proxy: the backend half of the ePaaS picker. A web-standard handler that keeps
 * tokens on the server, batches and caches ID-mapping calls, and resolves picker values into
 * recipients; adapters for Node http, Express, Fastify and Hono live in subpath exports.
 *
 * @packageDocumentation
 */
export { createEpaasProxy } from './createEpaasProxy.js'
export type {
  Authorize,
  CacheOptions,
  EpaasProxy,
  EpaasProxyOptions,
  GetUserToken,
  MappingOptions,
  RateLimitOptions,
  RouteContext,
} from './createEpaasProxy.js'
export type { EpaasServerClient, OrgCallOptions, UserCallOptions } from './createServerClient.js'
export { ProxyError, errorStatus } from './ProxyError.js'
export { defaultProxyErrcodeTable } from './errcodes.js'
export type { InputErrcodeAnswer, ProxyErrcodeTable } from './errcodes.js'
export type { ProxyErrorBody, ProxyErrorCode } from './ProxyError.js'
export type {
  CacheEvent,
  ProxyEvent,
  ProxyEventListener,
  RateLimitedEvent,
  RequestEvent,
  RetryEvent,
  TokenRefreshEvent,
  UpstreamEvent,
} from './events.js'
export type { RetryOptions, TokenHandle } from './createUpstream.js'
export { createDefaultLogger, defaultRedactPaths } from './logger.js'
export type { LogMethod, ProxyLogger } from './logger.js'
export { REDACTED, createRedactor } from './redact.js'
export type { Redactor } from './redact.js'
export { DEFAULT_CSRF_HEADER } from './csrfGuard.js'
export type { CsrfOptions } from './csrfGuard.js'
export { fromRateLimiterFlexible, memoryRateLimiter } from './rateLimiter.js'
export type { RateLimitDecision, RateLimiter, RateLimiterOptions } from './rateLimiter.js'
export { memoryCacheStore } from './cache/CacheStore.js'
export type { CacheStore, MemoryCacheStoreOptions } from './cache/CacheStore.js'
export { defaultLimits } from './createSchemas.js'
export type { ProxyLimits } from './createSchemas.js'
export { mappingEndpoints } from './createMappingLookups.js'
export type { MappingEndpoint } from './createMappingLookups.js'
export { routes, routedEndpoints } from './routes.js'
export type { Route, RouteName, RoutedEndpoint } from './routes.js'
export { collectResolve, defaultSubOrganizationTypes } from './resolveRecipients.js'
export type {
  Recipient,
  ResolveChannel,
  ResolveDepartment,
  ResolveEvent,
  ResolveInput,
  ResolveOptions,
  ResolveProgress,
  ResolveRecipients,
  ResolveResult,
  ResolveSummary,
  RoleCounts,
} from './resolveRecipients.js'
export { readResolveStream, ResolveStreamError } from './readResolveStream.js'
export { staticToken, tokenHandle } from './tokens/TokenSource.js'
export type { TokenSource, TokenSourceContext } from './tokens/TokenSource.js'
export { tokenFromFunction } from './tokens/tokenFromFunction.js'
export type { TokenFromFunctionOptions, TokenFunctionResult } from './tokens/tokenFromFunction.js'
export { suiteTokenSource } from './tokens/suiteTokenSource.js'
export type { SuiteTokenSourceOptions } from './tokens/suiteTokenSource.js'
export type { CachingOptions, FetchedToken } from './tokens/cachedTokenSource.js'
export { memoryTokenStore } from './tokens/TokenStore.js'
export type { ReleaseLock, StoredToken, TokenStore } from './tokens/TokenStore.js'
