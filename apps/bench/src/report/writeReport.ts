/**
 * `docs/benchmarks.md` and its chart, from the results the suites wrote: the browser comparison
 * (a table per operation, ours over the best peer, the budgets), the sizes and the proxy. The
 * text is generated from the JSON so that the document always says what the last run measured,
 * including where ours falls short.
 */
import {
  OPERATIONS,
  PHONE_FIGURES,
  type PhoneFigureName,
  ratioToBestPeer,
  type BrowserResults,
  type OperationName,
} from '../browser/browserResults.js'
import type { PickerName } from '../browser/driver/buildPages.js'
import type { ProxyResults } from '../proxy/runProxyBench.js'
import type { SizeResults } from '../size/measureSize.js'
import { barChart } from './barChart.js'
import { fmt, kb, ms, table } from './format.js'

/** Display names of the pickers. */
export const pickerNames: Record<PickerName, string> = {
  ours: 'ours (`AddressBookPicker`)',
  antd: 'antd `Tree`',
  arborist: 'react-arborist',
}

const chartSeries: { picker: PickerName; name: string; color: string }[] = [
  { picker: 'ours', name: 'ours', color: '#2563eb' },
  { picker: 'antd', name: 'antd Tree', color: '#dc2626' },
  { picker: 'arborist', name: 'react-arborist', color: '#059669' },
]

/**
 * `results/load.json`: the output of
 * `pnpm --filter @epaas-picker/bench load --connections 200 --duration 60 --latency 20 --json`
 * (the proxy's `LoadResult`, the fields shown here).
 */
export interface LoadResults {
  connections: number
  durationSeconds: number
  latencyMs: number
  requests: number
  rps: number
  latency: { p50: number; p99: number; max: number }
  errors: number
  timeouts: number
  non2xx: number
  heapBefore: number
  heapAfter: number
  heapGrowth: number
}

/** What the report is made of; any part may be missing. */
export interface ReportInput {
  browser?: BrowserResults
  size?: SizeResults
  proxy?: ProxyResults
  load?: LoadResults
  /** Hand-written analysis, included as is. */
  notes?: string
  /** File name of the chart, relative to the document. */
  chartFile: string
}

function value(operation: OperationName, v: number): string {
  const unit = OPERATIONS[operation].unit
  if (unit === 'ms') return `${ms(v)} ms`
  if (unit === 'MB') return `${fmt(v, 1)} MB`
  return fmt(v, Number.isInteger(v) ? 0 : 1)
}

function ratioCell(ratio: number, ours: number | undefined, best: number | undefined): string {
  if (ours === undefined || best === undefined) return '–'
  if (best === 0) return ours === 0 ? 'both 0' : '∞'
  return `${fmt(ratio, 2)}×`
}

function verdict(ratio: number, ours: number | undefined, best: number | undefined): string {
  if (ours === undefined || best === undefined) return '–'
  if (best === 0) return ours === 0 ? 'tie' : '**no**'
  return ratio <= 0.5 ? 'yes' : '**no**'
}

/** Short labels of the charted figures. */
const chartLabels: Partial<Record<OperationName, string>> = {
  mount: 'Mount',
  expandFirst: 'Expand 5,000 children (loading)',
  expandLoaded: 'Expand 5,000 children (loaded)',
  expandAll: 'Expand everything',
  scrollP95: 'Scroll: frame time p95',
  tick: 'Tick 10,002 descendants',
  search: 'Search',
  heapAdded: 'JS heap added',
}

/** The SVG chart of the browser comparison. */
export function browserChart(results: BrowserResults): string {
  const series = chartSeries.filter((s) => results.pickers.includes(s.picker))
  const { settings, machine } = results
  return barChart({
    title: `Address-book pickers on ${fmt(settings.rows)} rows: shorter is better`,
    subtitle: `Median of ${settings.runs} runs, Chromium ${machine.chromium}, CPU throttled ${settings.throttle}×, ${machine.cpus} cores, ${results.createdAt.slice(0, 10)}`,
    series: series.map(({ name, color }) => ({ name, color })),
    groups: (Object.keys(chartLabels) as OperationName[]).map((operation) => ({
      label: chartLabels[operation] ?? operation,
      values: Object.fromEntries(
        series.map((s) => [s.name, results.operations[operation][s.picker]?.median ?? NaN]),
      ),
      format: (v) => value(operation, v),
    })),
  })
}

function browserSection(results: BrowserResults, chartFile: string): string {
  const { machine, settings, pickers } = results
  const peers = pickers.filter((p) => p !== 'ours')
  const header = [
    'operation',
    ...pickers.map((p) => pickerNames[p]),
    'ours ÷ best peer',
    '2× faster',
  ]
  const shortfalls: string[] = []
  const rows = (Object.keys(OPERATIONS) as OperationName[]).map((operation) => {
    const figures = results.operations[operation]
    const { ratio, bestPeer } = ratioToBestPeer(figures)
    const ours = figures.ours?.median
    const best = bestPeer ? figures[bestPeer]?.median : undefined
    const v = verdict(ratio, ours, best)
    if (operation !== 'inertClick' && v === '**no**' && bestPeer) {
      shortfalls.push(
        `- ${OPERATIONS[operation].label}: ours ${value(operation, ours ?? NaN)}, ${pickerNames[bestPeer]} ${value(operation, best ?? NaN)} (${ratioCell(ratio, ours, best)}).`,
      )
    }
    return [
      OPERATIONS[operation].label,
      ...pickers.map((p) => value(operation, figures[p]?.median ?? NaN)),
      operation === 'inertClick' ? '–' : ratioCell(ratio, ours, best),
      operation === 'inertClick' ? '–' : v,
    ]
  })
  const perOperation = (Object.keys(OPERATIONS) as OperationName[]).map((operation) => {
    const figures = results.operations[operation]
    const { ratio, bestPeer } = ratioToBestPeer(figures)
    const best = bestPeer ? figures[bestPeer]?.median : undefined
    const lines = pickers.map((p) => [
      pickerNames[p],
      value(operation, figures[p]?.median ?? NaN),
      (figures[p]?.samples ?? []).map((s) => value(operation, s)).join(', '),
    ])
    const ratioLine =
      operation !== 'inertClick' && figures.ours && bestPeer
        ? `Ours ÷ best peer (${pickerNames[bestPeer]}): ${ratioCell(ratio, figures.ours.median, best)}.`
        : ''
    return `### ${OPERATIONS[operation].label}\n\n${table(['picker', 'median', 'every run'], lines, ['l', 'r', 'l'])}\n\n${ratioLine}`
  })
  const budgets = results.budgets
    ? `## Budgets of issue 4 (ours, no CPU throttling)

Judged on the median of ${results.budgets.runs} unthrottled runs of the same sequence. Times run from the input event
to the next paint, so they include the wait for the next frame: in these runs a click without handlers took
${ms(results.budgets.floorMs)} ms to the next paint (median).

${table(
  ['budget', 'median', 'worst run', 'limit', 'verdict'],
  results.budgets.checks.map((c) => [
    c.name,
    c.unit === 'ms' ? `${ms(c.value)} ms` : fmt(c.value),
    c.unit === 'ms' ? `${ms(c.worst)} ms` : fmt(c.worst),
    c.unit === 'ms' ? `${fmt(c.limit, 1)} ms` : fmt(c.limit),
    c.pass ? 'pass' : '**FAIL**',
  ]),
  ['l', 'r', 'r', 'r', 'l'],
)}
`
    : ''
  const params = settings.params
  return `## Browser: ours vs antd \`Tree\` vs react-arborist

![Bar chart of the browser comparison](${chartFile})

Measured ${results.createdAt.slice(0, 10)} with \`${results.command}\`.
Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform},
Chromium ${machine.chromium} (headless, Debian's build, launched with \`scripts/chromium.js\`), CPU throttled
${settings.throttle}× through CDP (\`Emulation.setCPUThrottlingRate\`), ${settings.runs} runs per picker (interleaved),
median reported. The machine is shared: 1-minute load average ${fmt(machine.loadAverage.start, 2)} at the start,
${fmt(machine.loadAverage.end, 2)} at the end.

Data: the mock's \`${params.dataset}\` dataset (seed ${params.seed}) plus 基准测试部 (\`largeDepartment: { groups: ${params.groups}, people: ${fmt(params.people)} }\`),
${fmt(settings.rows)} rows with everything expanded. Each page runs the mock's handler in the page (latency 0) behind one
protocol client; the three pickers load through that same client. Rows are ${settings.rowHeight} px high in all three, in a
${settings.pickerBox.width} × ${settings.pickerBox.height} px box.

${table(header, rows, ['l', ...pickers.map(() => 'r' as const), 'r', 'l'])}

${
  shortfalls.length > 0
    ? `**Where ours is not 2× faster than the best peer** (the target of issue 18):\n\n${shortfalls.join('\n')}`
    : 'Ours is at least 2× faster than the best peer on every operation.'
}

${peers.length === 0 ? '' : `Ratios under 1 mean ours takes less time (or memory, or has fewer long tasks): 0.5× is twice as good, the target.`}

${perOperation.join('\n\n')}

${phoneSection(results)}

${budgets}`
}

function phoneSection(results: BrowserResults): string {
  const phone = results.phone
  if (!phone) return ''
  const rows = (Object.keys(PHONE_FIGURES) as PhoneFigureName[]).map((name) => {
    const { unit, label } = PHONE_FIGURES[name]
    const show = (v: number) => (unit === 'ms' ? `${ms(v)} ms` : fmt(v))
    const figure = phone.figures[name]
    return [label, show(figure.median), figure.samples.map(show).join(', ')]
  })
  return `## Ours on a phone: the mobile list

No peer has a phone layout; these are ours alone. The mobile layout's drill-down list in a
${phone.viewport.width} × ${phone.viewport.height} viewport with touch and a device scale of 3, CPU throttled ${phone.throttle}×,
${phone.runs} runs (after the comparison's), median reported. The level opened is 基准测试1组, ${fmt(results.settings.params.people)} people,
loaded through the client; the scroll crosses it in ${results.settings.scrollFrames} frames.

${table(['figure', 'median', 'every run'], rows, ['l', 'r', 'l'])}`
}

function sizeSection(results: SizeResults): string {
  const ours = results.entries.find((e) => e.name === 'ours')
  const rows = results.entries.map((e) => [
    e.name,
    kb(e.js.minified),
    e.css.minified > 0 ? kb(e.css.minified) : '–',
    kb(e.total.minified),
    `**${kb(e.total.gzip)}**`,
    kb(e.total.brotli),
    ours && e !== ours ? `${fmt(e.total.gzip / ours.total.gzip, 2)}×` : '–',
  ])
  return `## Size

What an app ships for the picker, minified and gzipped (level 9), measured ${results.createdAt.slice(0, 10)} with
\`${results.command}\`: one bundle per entry, ${results.settings} (${results.bundler}).

${table(['bundle', 'JS', 'CSS', 'minified', 'gzip', 'brotli', 'gzip ÷ ours'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r'])}

${results.entries.map((e) => `- **${e.name}**: ${e.description}.`).join('\n')}
`
}

function proxySection(results: ProxyResults): string {
  const { settings, mapping } = results
  const rows = results.load.flatMap((level) => {
    const name = `${level.connections} connections`
    return [
      [
        name,
        'mock directly',
        fmt(level.direct.rps),
        `${fmt(level.direct.p50)} ms`,
        `${fmt(level.direct.p99)} ms`,
        fmt(level.direct.errors + level.direct.non2xx),
      ],
      [
        name,
        'through the proxy',
        fmt(level.proxy.rps),
        `${fmt(level.proxy.p50)} ms`,
        `${fmt(level.proxy.p99)} ms`,
        fmt(level.proxy.errors + level.proxy.non2xx),
      ],
    ]
  })
  const overhead = results.load.map((level) => {
    const name = `${level.connections} connections`
    const judged = level === results.load[0]
    const met = level.overhead.p99Ms < settings.p99TargetMs
    return [
      name,
      `${fmt(level.overhead.p50Ms)} ms`,
      `${fmt(level.overhead.p99Ms)} ms`,
      `${fmt(level.overhead.p99Ratio, 2)}×`,
      `${fmt(level.overhead.rpsRatio, 2)}×`,
      judged ? (met ? 'yes' : '**no**') : '–',
    ]
  })
  const lookups = [
    ['straight to the mock (no coalescing: one call per lookup)', mapping.direct],
    ['through the proxy, defaults (`windowMs: 5`), cold cache', mapping.proxyCold],
    ['through the proxy again, warm cache', mapping.proxyWarm],
    [
      `through a proxy with \`mapping.windowMs: ${mapping.windowMs}\`, cold cache`,
      mapping.proxyOtherWindow,
    ],
  ] as const
  return `## Proxy

autocannon against the mock directly and through the proxy (\`createEpaasProxy\` behind the Node http adapter
\`@epaas-picker/proxy/node\`), each in a process of its own on loopback, the mock adding ${settings.mockLatencyMs} ms to every
answer. Measured ${results.createdAt.slice(0, 10)} with \`${results.command}\` on ${results.machine.cpus} cores (${results.machine.cpuModel}),
Node ${results.machine.node}; load average ${fmt(results.machine.loadAverage.start, 2)} at the start, ${fmt(results.machine.loadAverage.end, 2)} at the end.
Each load: ${settings.warmupSeconds} s warm-up, then ${settings.durationSeconds} s measured. Proxy: ${settings.proxyOptions};
${settings.code === 'dist' ? 'the mock and the proxy run their built `dist` (what ships)' : 'the mock and the proxy run from TypeScript source through tsx (no `dist` was built), which costs a little more than what ships'}.
Request: \`${settings.request}\`.

${table(['load', 'target', 'req/s', 'p50', 'p99', 'errors'], rows, ['l', 'l', 'r', 'r', 'r', 'r'])}

${table(['load', 'added p50', 'added p99', 'p99 ratio', 'throughput ratio (direct ÷ proxy)', `added p99 under ${settings.p99TargetMs} ms`], overhead, ['l', 'r', 'r', 'r', 'r', 'l'])}

Each connection sends its next request as soon as the previous answer arrives. The p99 target is judged at
${results.load[0]?.connections ?? 10} connections, where both sides are bound by the mock's latency, not by CPU; with more connections the proxy's
own CPU time (on ${results.machine.cpus} cores that also run the mock and autocannon) caps its throughput.

ID mapping: ${fmt(mapping.lookups)} single-ID lookups of \`${mapping.endpoint}\`, ${mapping.concurrency} in flight at once.

${table(
  ['lookups', 'upstream calls', 'wall time'],
  lookups.map(([name, f]) => [name, fmt(f.upstreamCalls), `${fmt(f.ms)} ms`]),
  ['l', 'r', 'r'],
)}
`
}

function loadSection(load: LoadResults): string {
  const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`
  const row = [
    `${load.connections}`,
    `${load.durationSeconds} s`,
    `${load.latencyMs} ms`,
    fmt(load.requests, 0),
    fmt(load.rps, 0),
    `${ms(load.latency.p50)} ms`,
    `${ms(load.latency.p99)} ms`,
    `${ms(load.latency.max)} ms`,
    `${load.errors} / ${load.timeouts} / ${load.non2xx}`,
    `${mb(load.heapBefore)} -> ${mb(load.heapAfter)} (${fmt(load.heapGrowth * 100, 1)} %)`,
  ]
  const held = load.errors + load.timeouts + load.non2xx === 0 && load.heapGrowth <= 0.1
  return `## Load through the proxy

A proxy process (Node http adapter) in front of the mock ePaaS with ${load.latencyMs} ms of latency, driven by
autocannon on loopback. Target: zero failed requests and the heap after the run within 10% of before
(weighed at rest after a full GC): **${held ? 'held' : 'not held'}**. The run is CPU-bound on 2 cores (the proxy on
one, autocannon and the mock on the other), so the latencies are mostly queueing, not proxy overhead:
the overhead figure is in the Proxy section above. Details and the other reliability figures:
[reliability.md](reliability.md).

${table(
  [
    'connections',
    'duration',
    'mock latency',
    'requests',
    'req/s',
    'p50',
    'p99',
    'max',
    'errors / timeouts / non-2xx',
    'heap',
  ],
  [row],
  ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
)}`
}

/** The whole document. */
export function writeReport(input: ReportInput): string {
  const parts = [
    `# Benchmarks

Generated by \`pnpm bench\` (\`apps/bench\`) from \`apps/bench/results/*.json\`; do not edit by hand. The analysis
of the shortfalls comes from \`apps/bench/src/report/notes.md\`. Numbers from a shared 2-core machine: read them
as ratios measured in one run, not as absolutes.`,
  ]
  if (input.browser) parts.push(browserSection(input.browser, input.chartFile))
  if (input.notes) parts.push(input.notes.trim())
  if (input.size) parts.push(sizeSection(input.size))
  if (input.proxy) parts.push(proxySection(input.proxy))
  if (input.load) parts.push(loadSection(input.load))
  parts.push(`## Reproduce

\`\`\`sh
pnpm bench                                         # everything: core, browser, size, proxy, load, this document
pnpm --filter @epaas-picker/bench bench:browser    # --runs 5 --throttle 4 --frames 240 --pickers ours,antd,arborist --phone-runs 5
pnpm --filter @epaas-picker/bench bench:profile    # --op tick|mount|expand|expandAll|collapseAll: a CPU profile's self times
pnpm --filter @epaas-picker/bench bench:size
pnpm --filter @epaas-picker/bench bench:proxy      # --duration 10 --latency 20
pnpm --filter @epaas-picker/bench bench:load       # 200 connections for 60 s through the proxy
pnpm --filter @epaas-picker/bench bench:report     # this document and its chart from the JSON
\`\`\`

How each figure is taken: \`apps/bench/README.md\`.`)
  return `${parts.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`
}
