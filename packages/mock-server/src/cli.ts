/**
 * `pnpm mock`: runs the mock ePaaS server on 127.0.0.1 and prints how to talk to it.
 *
 *   --dataset small|district   (or MOCK_EPAAS_DATASET; default small)
 *   --port <n>                 (or MOCK_EPAAS_PORT; default 4010)
 *   --latency <ms>             added to every answer (default 0)
 *   --seed <n>                 generator seed (default 1)
 */
import { parseArgs } from 'node:util'
import { startMockServer } from './startMockServer.js'

const usage = `Usage: pnpm mock [--dataset small|district] [--port 4010] [--latency ms] [--seed 1]
Environment: MOCK_EPAAS_PORT, MOCK_EPAAS_DATASET.`

function fail(message: string): never {
  console.error(`${message}\n${usage}`)
  process.exit(2)
}

function integer(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback
  if (!/^\d+$/.test(text))
    fail(`${name} must be a non-negative integer, got ${JSON.stringify(text)}`)
  return Number(text)
}

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    port: { type: 'string' },
    latency: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
})
if (values.help) {
  console.info(usage)
  process.exit(0)
}

const dataset = values.dataset ?? process.env.MOCK_EPAAS_DATASET ?? 'small'
if (dataset !== 'small' && dataset !== 'district') {
  fail(`dataset must be small or district, got ${JSON.stringify(dataset)}`)
}
const port = integer(values.port ?? process.env.MOCK_EPAAS_PORT, 'port', 4010)
const latencyMs = integer(values.latency, '--latency', 0)
const seed = integer(values.seed, '--seed', 1)

const server = await startMockServer({ dataset, port, seed, faults: { latencyMs } }).catch(
  (error: unknown) => {
    const code = (error as { code?: string }).code
    fail(code === 'EADDRINUSE' ? `port ${port} is in use (set MOCK_EPAAS_PORT)` : String(error))
  },
)
const { mock, url } = server
const userToken = mock.issueUserToken()
const orgToken = mock.issueOrgToken()
const body = JSON.stringify({ id: 0, is_show_root: true, need_users_total: true })
const top = mock.data.organizationByCorpid.get(mock.data.topCorpid)

console.info(`Mock ePaaS listening on ${url}
  dataset ${dataset} (seed ${seed}): ${top?.name}, ${mock.data.organizations.length} organisation(s), ${mock.data.users.length.toLocaleString('en')} people${latencyMs ? `, latency ${latencyMs} ms` : ''}

User token (用户凭证, for select and department/user/get, valid 7200 s):
  ${userToken}
Org token (机构凭证, for the mapping endpoints, valid 7200 s):
  ${orgToken}

Try:
  curl -s -X POST '${url}/campus/department/select?access_token=${userToken}' \\
    -H 'content-type: application/json' -d '${body}'

More tokens:  curl -s -X POST ${url}/__mock/tokens -d '{"kind":"user"}'
Faults:       curl -s -X POST ${url}/__mock/faults -d '{"busyRate":0.2,"latencyMs":100}'
Suite flow:   curl -s ${url}/__mock/info   (credentials for /service/get_suite_token)
Press Ctrl+C to stop.`)

let stopping = false
const stop = (signal: string) => {
  if (stopping) return
  stopping = true
  console.info(`\n${signal}: stopping the mock server`)
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.once('SIGINT', () => stop('SIGINT'))
process.once('SIGTERM', () => stop('SIGTERM'))
