/** `pnpm --filter @epaas-picker/bench bench:proxy`: the proxy's load test, to `results/proxy.json`. */
import { parseArgs } from 'node:util'
import { resultsPath, writeJson } from '../resultsDir.js'
import { runProxyBench } from './runProxyBench.js'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    latency: { type: 'string', default: '20' },
  },
})
const results = await runProxyBench({
  durationSeconds: Number(values.duration),
  mockLatencyMs: Number(values.latency),
  log: (line) => console.info(`[proxy] ${line}`),
})
for (const level of results.load) {
  console.info(
    `[proxy] ${level.connections} connections: direct ${level.direct.rps.toFixed(0)} rps p99 ${level.direct.p99} ms, proxy ${level.proxy.rps.toFixed(0)} rps p99 ${level.proxy.p99} ms`,
  )
}
const { mapping } = results
console.info(
  `[proxy] ${mapping.lookups} lookups: ${mapping.direct.upstreamCalls} upstream calls direct, ${mapping.proxyCold.upstreamCalls} through the proxy, ${mapping.proxyOtherWindow.upstreamCalls} with windowMs ${mapping.windowMs}`,
)
await writeJson(resultsPath('proxy.json'), results)
