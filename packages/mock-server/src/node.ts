/**
 * `@epaas-picker/mock-server/node`: the mock as a real HTTP server on loopback.
 *
 * @packageDocumentation
 */
export { startMockServer } from './startMockServer.js'
export type { MockServer, MockServerOptions } from './startMockServer.js'
