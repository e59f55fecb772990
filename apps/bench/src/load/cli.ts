/**
 * `pnpm --filter @epaas-picker/bench load [--connections 200] [--duration 60] [--warmup 10]
 * [--latency 20] [--json]`: the full load test through the proxy, loopback only. Prints the
 * figures; exits 1 when a request failed or the heap grew by more than 10 %.
 */
import { parseArgs } from 'node:util'
import { formatLoad, runLoad } from './runLoad.js'

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
})

const result = await runLoad({
  connections: Number(values.connections),
  durationSeconds: Number(values.duration),
  warmupSeconds: Number(values.warmup),
  latencyMs: Number(values.latency),
})

const failed = result.errors + result.timeouts + result.non2xx
const heapOk = result.heapGrowth <= 0.1
console.info(values.json ? JSON.stringify(result, null, 2) : formatLoad(result))
// With --json, stdout is the JSON alone (redirected into a results file); the verdict goes to stderr.
const say = values.json ? console.error : console.info
say(
  `\n${failed === 0 ? 'PASS' : 'FAIL'}: ${failed} failed requests; ` +
    `${heapOk ? 'PASS' : 'FAIL'}: heap ${(result.heapGrowth * 100).toFixed(1)} % after the run ` +
    `(limit 10 %); routes: ${result.routes.join(', ')}; upstream calls: ${result.upstreamCalls}`,
)
if (failed > 0 || !heapOk) process.exitCode = 1
