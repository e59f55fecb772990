/**
 * Property-based fuzzing of the select, member, corpid and resolve routes, and of paths that are
 * no route: thousands of generated bodies, headers, query strings and methods each, against the
 * handler in-process with the mock's real handler upstream. The checks are in the harness: never
 * a 5xx, never an unhandled rejection, every error a JSON `{ error: { code, message } }`.
 * The mapping routes are fuzzed in `createMappingLookups.fuzz.test.ts` (a second worker).
 */
import { describe, it } from 'vitest'
import { routes, type Route } from './routes.js'
import { createFuzzHarness, RUNS } from './test/fuzzHarness.js'

const { fuzzRoute, fuzzUnknownPaths } = createFuzzHarness()
const paths = [
  '/campus/department/select',
  '/department/user/get',
  '/user/qywechat/get_qywx_corpid',
  '/resolve',
]

describe('fuzzing the select, member, corpid and resolve routes', () => {
  for (const path of paths) {
    it(`${path}: ${RUNS} generated requests, never a 5xx`, async () => {
      await fuzzRoute(routes.get(path) as Route)
    }, 120_000)
  }

  // Not a route: fewer inputs, the same checks.
  const unknownRuns = Math.ceil(RUNS / 5)
  it(`unknown paths: ${unknownRuns} generated requests answer 404 as JSON`, async () => {
    await fuzzUnknownPaths(unknownRuns)
  }, 120_000)
})
