/**
 * `pnpm --filter @epaas-picker/bench bench:report`: `docs/benchmarks.md` and
 * `docs/benchmarks-browser.svg` from `results/{browser,size,proxy,load}.json`.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { docsPath, resultsPath } from '../resultsDir.js'
import { browserChart, writeReport, type ReportInput } from './writeReport.js'

async function readJson<T>(name: string): Promise<T | undefined> {
  const path = resultsPath(name)
  return existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as T) : undefined
}

const chartFile = 'benchmarks-browser.svg'
const input: ReportInput = {
  chartFile,
  notes: await readFile(fileURLToPath(new URL('./notes.md', import.meta.url)), 'utf8'),
}
const browser = await readJson<NonNullable<ReportInput['browser']>>('browser.json')
const size = await readJson<NonNullable<ReportInput['size']>>('size.json')
const proxy = await readJson<NonNullable<ReportInput['proxy']>>('proxy.json')
if (browser) input.browser = browser
if (size) input.size = size
if (proxy) input.proxy = proxy
const load = await readJson<NonNullable<ReportInput['load']>>('load.json')
if (load) input.load = load

await mkdir(docsPath(''), { recursive: true })
await writeFile(docsPath('benchmarks.md'), writeReport(input))
if (browser) await writeFile(docsPath(chartFile), browserChart(browser))
console.info(`[report] wrote ${docsPath('benchmarks.md')}`)
