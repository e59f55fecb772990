/**
 * Property-based fuzzing of the eight ID-mapping routes (batched and cached lookups): thousands
 * of generated bodies, headers, query strings and methods per route, against the handler
 * in-process with the mock's real handler upstream. The checks are in the harness: never a 5xx,
 * never an unhandled rejection, every error a JSON `{ error: { code, message } }`.
 */
import { describe, it } from 'vitest'
import { mappingSpecs } from './createMappingLookups.js'
import { routes } from './routes.js'
import { createFuzzHarness, RUNS } from './test/fuzzHarness.js'

const { fuzzRoute } = createFuzzHarness()

describe('fuzzing the mapping routes', () => {
  for (const route of routes.values()) {
    if (!(route.name in mappingSpecs)) continue
    it(`${route.path}: ${RUNS} generated requests, never a 5xx`, async () => {
      await fuzzRoute(route)
    }, 120_000)
  }
})
