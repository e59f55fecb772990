/**
 * @epaas-picker/headless: the address-book picker without styling. A framework-free core
 * (also at `@epaas-picker/headless/core`) and React hooks on @tanstack/react-query.
 *
 * @packageDocumentation
 */
export * from './core/index.js'
export * from './react/index.js'
