/**
 * `@epaas-picker/proxy/client`: what browser code needs from the proxy package, without the
 * server's dependencies (pino, zod, rate limiter, caches). Type imports and the `/resolve` stream
 * reader only.
 *
 * @example
 * import { readResolveStream, type ResolveEvent } from '@epaas-picker/proxy/client'
 *
 * const response = await fetch('/api/epaas/resolve', { method: 'POST', headers, body })
 * for await (const event of readResolveStream(response)) {
 *   if (event.type === 'summary') showCounts(event.by_role)
 * }
 */
export { readResolveStream, ResolveStreamError } from './readResolveStream.js'
export type { ProxyErrorBody, ProxyErrorCode } from './ProxyError.js'
export type {
  Recipient,
  ResolveChannel,
  ResolveDepartment,
  ResolveEvent,
  ResolveInput,
  ResolveProgress,
  ResolveRecipients,
  ResolveRecipientsMode,
  ResolveSummary,
  RoleCounts,
} from './resolveRecipients.js'
