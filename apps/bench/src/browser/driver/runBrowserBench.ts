/**
 * The browser benchmark from start to end: builds the pages, serves them on loopback, launches
 * Chromium, runs every picker `runs` times with the runs interleaved (ours, antd, arborist, ours,
 * ...: load from other processes on a shared machine then spreads over all three), then ours
 * without throttling for the budgets, and gathers it all in a `BrowserResults`.
 */
import os from 'node:os'
import {
  OPERATIONS,
  budgetChecks,
  figureOf,
  phoneFigures,
  type BrowserResults,
  type OperationName,
} from '../browserResults.js'
import { defaultBenchParams, toQuery, type BenchParams } from '../page/benchParams.js'
import { PICKER_HEIGHT, PICKER_WIDTH } from '../page/pickerBox.js'
import { availablePickers, buildPages, type PickerName } from './buildPages.js'
import { launchChromium } from './chromium.js'
import { PHONE_VIEWPORT, runPhoneSession, type PhoneSample } from './runPhoneSession.js'
import { runSession, type SessionSample } from './runSession.js'
import { serveStatic } from './staticServer.js'

/** Options of {@link runBrowserBench}. */
export interface BrowserBenchOptions {
  /** Where the pages are built (emptied first). */
  outDir: string
  /** Runs per picker. Default 5. */
  runs?: number
  /** Unthrottled runs of ours for the budgets; 0 skips them. Default: `runs`. */
  budgetRuns?: number
  /** Throttled runs of ours on a phone (the mobile layout); 0 skips them. Default: `runs`. */
  phoneRuns?: number
  /** CPU throttling of the comparison. Default 4. */
  throttle?: number
  /** Animation frames of the scroll from top to bottom. Default 240. */
  scrollFrames?: number
  /** Pickers to run (those whose page exists). Default: all three. */
  pickers?: readonly PickerName[]
  /** Data of the pages. Default: the district plus two groups of 5,000. */
  params?: BenchParams
  /** Longest one operation may take (ms). Default 120,000. */
  timeoutMs?: number
  /** The command recorded in the results. */
  command?: string
  /** Progress lines. Default: none. */
  log?: (line: string) => void
}

/** Runs the browser benchmark. */
export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserResults> {
  const runs = options.runs ?? 5
  const budgetRuns = options.budgetRuns ?? runs
  const phoneRuns = options.phoneRuns ?? runs
  const throttle = options.throttle ?? 4
  const scrollFrames = options.scrollFrames ?? 240
  const params = options.params ?? defaultBenchParams
  const log = options.log ?? (() => undefined)
  const available = availablePickers()
  const pickers = (options.pickers ?? available).filter((p) => available.includes(p))
  if (pickers.length === 0) throw new Error('no picker page to run')
  const loadStart = os.loadavg()[0] ?? 0

  log(`building ${pickers.join(', ')}`)
  await buildPages(options.outDir, pickers)
  const server = await serveStatic(options.outDir)
  const browser = await launchChromium()
  try {
    const session = (picker: PickerName, rate: number) =>
      runSession(browser, {
        url: `${server.url}/pages/${picker}.html?${toQuery(params)}`,
        throttle: rate,
        frames: scrollFrames,
        searchKey: params.searchKey,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      })
    const samples = new Map<PickerName, SessionSample[]>(pickers.map((p) => [p, []]))
    for (let run = 1; run <= runs; run++) {
      for (const picker of pickers) {
        log(`run ${run}/${runs}: ${picker} (throttle ${throttle}x)`)
        samples.get(picker)?.push(await session(picker, throttle))
      }
    }
    const budgetSamples: SessionSample[] = []
    if (pickers.includes('ours')) {
      for (let run = 1; run <= budgetRuns; run++) {
        log(`budget run ${run}/${budgetRuns}: ours (no throttling)`)
        budgetSamples.push(await session('ours', 1))
      }
    }

    const phoneSamples: PhoneSample[] = []
    if (pickers.includes('ours')) {
      for (let run = 1; run <= phoneRuns; run++) {
        log(`phone run ${run}/${phoneRuns}: ours, mobile layout (throttle ${throttle}x)`)
        phoneSamples.push(
          await runPhoneSession(browser, {
            url: `${server.url}/pages/ours.html?${toQuery(params)}`,
            throttle,
            frames: scrollFrames,
            ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
          }),
        )
      }
    }

    const first = samples.get(pickers[0] as PickerName)?.[0]
    const operations = Object.fromEntries(
      (Object.keys(OPERATIONS) as OperationName[]).map((operation) => [
        operation,
        Object.fromEntries(
          pickers.map((picker) => [picker, figureOf(samples.get(picker) ?? [], operation)]),
        ),
      ]),
    ) as BrowserResults['operations']
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
    return {
      kind: 'browser',
      createdAt: new Date().toISOString(),
      command: options.command ?? 'pnpm bench',
      machine: {
        cpus: os.cpus().length,
        cpuModel: cpu.trim(),
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
        chromium: browser.version(),
        userAgent: first?.userAgent ?? '',
        loadAverage: { start: loadStart, end: os.loadavg()[0] ?? 0 },
      },
      settings: {
        throttle,
        runs,
        scrollFrames,
        params,
        rows: first?.rows ?? 0,
        rowHeight: 32,
        pickerBox: { width: PICKER_WIDTH, height: PICKER_HEIGHT },
      },
      pickers,
      operations,
      ...(phoneSamples.length > 0
        ? {
            phone: {
              throttle,
              runs: phoneRuns,
              viewport: PHONE_VIEWPORT,
              figures: phoneFigures(phoneSamples),
            },
          }
        : {}),
      ...(budgetSamples.length > 0
        ? {
            budgets: {
              throttle: 1,
              runs: budgetRuns,
              checks: budgetChecks(budgetSamples),
              floorMs: figureOf(budgetSamples, 'inertClick').median,
            },
          }
        : {}),
    }
  } finally {
    await browser.close()
    await server.close()
  }
}
