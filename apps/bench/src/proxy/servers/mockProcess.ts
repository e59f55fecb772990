/**
 * The mock ePaaS in a process of its own for the load test, on loopback with an ephemeral port
 * and a fixed latency (`MOCK_LATENCY_MS`, default 20). Prints one JSON line (URL and tokens) and
 * stops when its standard input closes, so it never outlives the benchmark.
 */
import { startMockServer } from '@epaas-picker/mock-server/node'

const latencyMs = Number(process.env.MOCK_LATENCY_MS ?? 20)
const server = await startMockServer({
  port: 0,
  host: '127.0.0.1',
  dataset: 'small',
  faults: { latencyMs },
  requestLogLimit: 100_000,
})
process.stdout.write(
  `${JSON.stringify({
    url: server.url,
    userToken: server.mock.issueUserToken(),
    orgToken: server.mock.issueOrgToken(),
  })}\n`,
)
process.stdin.on('end', () => void server.close().finally(() => process.exit(0)))
process.stdin.resume()
