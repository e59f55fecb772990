/**
 * @epaas-picker/protocol: types, enums, errors and a fetch-based client for the ePaaS (教育号)
 * address-book, member, ID-mapping and token endpoints. No runtime dependencies.
 *
 * @packageDocumentation
 */
export * from './enums.js'
export * from './endpoints.js'
export * from './errors.js'
export * from './types.js'
export { createEpaasClient } from './createEpaasClient.js'
export type {
  CallEvent,
  CallOptions,
  EpaasClient,
  EpaasClientOptions,
  TokenProvider,
} from './createEpaasClient.js'
export { encodeNumericId, InvalidRequestError, requestEncoders } from './encode.js'
export {
  MalformedResponseError,
  normalizeId,
  normalizeResponse,
  normalizeSelectNode,
} from './normalize.js'
export * from './value.js'
export * from './resolveStream.js'
