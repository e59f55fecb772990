/**
 * `pnpm --filter @epaas-picker/bench bench:browser`: ours, antd `Tree` and react-arborist side by
 * side in Chromium (see `driver/runBrowserBench.ts`), written to `results/browser.json`.
 *
 * Options: `--runs 5`, `--budget-runs 5`, `--phone-runs 5`, `--throttle 4`, `--frames 240`,
 * `--pickers ours,antd,arborist`, `--small` (the small dataset, for a quick try).
 */
import { parseArgs } from 'node:util'
import { distPath, resultsPath, writeJson } from '../resultsDir.js'
import type { PickerName } from './driver/buildPages.js'
import { runBrowserBench } from './driver/runBrowserBench.js'
import { defaultBenchParams } from './page/benchParams.js'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'budget-runs': { type: 'string' },
    'phone-runs': { type: 'string' },
    throttle: { type: 'string', default: '4' },
    frames: { type: 'string', default: '240' },
    pickers: { type: 'string' },
    small: { type: 'boolean', default: false },
  },
})

const runs = Number(values.runs)
const results = await runBrowserBench({
  outDir: distPath('browser'),
  runs,
  budgetRuns: values['budget-runs'] === undefined ? runs : Number(values['budget-runs']),
  phoneRuns: values['phone-runs'] === undefined ? runs : Number(values['phone-runs']),
  throttle: Number(values.throttle),
  scrollFrames: Number(values.frames),
  ...(values.pickers ? { pickers: values.pickers.split(',') as PickerName[] } : {}),
  params: values.small
    ? { ...defaultBenchParams, dataset: 'small', people: 500 }
    : defaultBenchParams,
  command: `pnpm --filter @epaas-picker/bench bench:browser${process.argv.length > 2 ? ` ${process.argv.slice(2).join(' ')}` : ''}`,
  log: (line) => console.info(`[browser] ${line}`),
})
const path = resultsPath(values.small ? 'browser-small.json' : 'browser.json')
await writeJson(path, results)
console.info(`[browser] wrote ${path}`)
