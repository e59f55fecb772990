/**
 * The `/resolve` stream reader lives with the rest of the browser/proxy contract in
 * `@epaas-picker/protocol`; it is re-exported here (and from `@epaas-picker/proxy/client`) for
 * code that reads resolves through the proxy package.
 */
export { readResolveStream, ResolveStreamError } from '@epaas-picker/protocol'
