/**
 * `pnpm --filter @epaas-picker/bench bench:core`: the core budgets of issue 3, in Node.
 * Prints a markdown report (committed as `results/core.md`).
 */
import os from 'node:os'
import { expandBench } from './expandBench.js'
import { recordDistrict } from './fixtures.js'
import { memoryBench } from './memoryBench.js'
import { table } from './report.js'
import { toggleBench } from './toggleBench.js'

const loadAtStart = os.loadavg()[0] ?? 0
const answers = await recordDistrict()
const memory = await memoryBench(answers)
const toggle = await toggleBench(answers)
const expand = await expandBench(answers)

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const memoryVerdict = memory.perNode < 400 ? 'within budget' : 'OVER BUDGET'
const fmt = (n: number) => Math.round(n).toLocaleString('en')

console.info(`# Core benchmarks (@epaas-picker/headless)

Command: \`pnpm --filter @epaas-picker/bench bench:core\`
(\`node --expose-gc --conditions=@epaas-picker/source --import tsx src/core/run.ts\`)

Machine: ${os.cpus().length} cores (${cpu}), ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()};
shared with other work (1-minute load average ${loadAtStart.toFixed(2)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(2)} at the end).
Data: the mock's \`district\` dataset (seed 1), walked once through the mock's handler
(${fmt(memory.nodes)} nodes in ${fmt(answers.size)} answers), replayed from memory. Timings are script time of
the store's public API (tinybench, 2 s per task after 300 ms warm-up). Budgets are judged on the median,
which preemption by other processes on the shared machine does not move much; mean and p99 are shown too.

## Toggle (budget: under 2 ms)

${toggle.note}

${table(toggle.rows)}

## Expand (budget: under 5 ms)

${expand.note}

${table(expand.rows)}

## Memory (budget: under 400 bytes per loaded node beyond the response JSON)

Heap after GC with the answers retained, then again after a store loaded and expanded all of them
(${fmt(memory.rows)} flattened rows); the difference divided by the ${fmt(memory.nodes)} nodes.

| measure | bytes per node |
| --- | ---: |
| the answers themselves (a deep copy, for scale) | ${fmt(memory.jsonPerNode)} |
| added by the store (rows, keys, indexes, flattened list) | ${fmt(memory.perNode)} (${memoryVerdict}) |
`)
