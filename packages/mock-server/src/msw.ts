/**
 * `@epaas-picker/mock-server/msw`: the mock as MSW 2 handlers (`msw` is an optional peer).
 *
 * @packageDocumentation
 */
export { createMswHandlers } from './createMswHandlers.js'
export type { MswHandlersOptions } from './createMswHandlers.js'
