/**
 * The shape of `results/browser.json` and how runs become it: for each operation and picker the
 * samples of every run and their median; for ours the budgets of issue 4, without throttling.
 */
import type { BenchParams } from './page/benchParams.js'
import type { PickerName } from './driver/buildPages.js'
import type { PhoneSample } from './driver/runPhoneSession.js'
import type { SessionSample } from './driver/runSession.js'
import { max, median, percentile } from './driver/stats.js'

/** Every figure of the comparison, in the order of the tables. Lower is better for all. */
export const OPERATIONS = {
  inertClick: { label: 'Floor: a click without handlers, to the next paint', unit: 'ms' },
  mount: { label: 'Mount (first level painted)', unit: 'ms' },
  expandFirst: {
    label: 'Expand a node with 5,000 children (loaded through the client)',
    unit: 'ms',
  },
  expandLoaded: {
    label: 'Expand a node with 5,000 children (children already loaded)',
    unit: 'ms',
  },
  expandAll: { label: 'Expand everything (every level already loaded)', unit: 'ms' },
  scrollP50: { label: 'Scroll top to bottom: frame time p50', unit: 'ms' },
  scrollP95: { label: 'Scroll top to bottom: frame time p95', unit: 'ms' },
  scrollMax: { label: 'Scroll top to bottom: longest frame', unit: 'ms' },
  longTasks: { label: 'Scroll top to bottom: long tasks (over 50 ms)', unit: 'count' },
  scrollLongestTask: { label: 'Scroll (traced): longest main-thread task', unit: 'ms' },
  scrollScript: { label: 'Scroll (traced): script per frame', unit: 'ms' },
  scrollStyleLayout: { label: 'Scroll (traced): style + layout per frame', unit: 'ms' },
  scrollPaint: { label: 'Scroll (traced): paint per frame', unit: 'ms' },
  scrollLayoutObjects: { label: 'Scroll (traced): layout objects per frame', unit: 'count' },
  tick: { label: 'Tick a department with 10,002 loaded descendants', unit: 'ms' },
  untick: { label: 'Untick it', unit: 'ms' },
  tickLongestTask: { label: 'Tick (traced): longest main-thread task', unit: 'ms' },
  tickScript: { label: 'Tick (traced): script', unit: 'ms' },
  tickStyleLayout: { label: 'Tick (traced): style + layout', unit: 'ms' },
  tickPaint: { label: 'Tick (traced): paint', unit: 'ms' },
  tickLayoutObjects: { label: 'Tick (traced): layout objects', unit: 'count' },
  collapseAll: { label: 'Collapse everything (from everything expanded)', unit: 'ms' },
  search: { label: 'Type a search key, results painted', unit: 'ms' },
  heapAdded: { label: 'JS heap added, everything loaded and expanded', unit: 'MB' },
} as const

/** One figure of the comparison. */
export type OperationName = keyof typeof OPERATIONS

/** The phone figures of ours (the mobile layout's list, 390 x 844, touch), in table order. */
export const PHONE_FIGURES = {
  mount: { label: 'Mount (first level painted)', unit: 'ms' },
  openLevel: { label: 'Open a level of 5,000 people (loaded through the client)', unit: 'ms' },
  scrollP50: { label: 'Scroll the level top to bottom: frame time p50', unit: 'ms' },
  scrollP95: { label: 'Scroll the level top to bottom: frame time p95', unit: 'ms' },
  scrollLongestTask: { label: 'Scroll (traced): longest main-thread task', unit: 'ms' },
  scrollScript: { label: 'Scroll (traced): script per frame', unit: 'ms' },
  scrollStyleLayout: { label: 'Scroll (traced): style + layout per frame', unit: 'ms' },
  scrollLayoutObjects: { label: 'Scroll (traced): layout objects per frame', unit: 'count' },
  tick: { label: 'Tick a person', unit: 'ms' },
  tickLongestTask: { label: 'Tick (traced): longest main-thread task', unit: 'ms' },
  tickStyleLayout: { label: 'Tick (traced): style + layout', unit: 'ms' },
} as const

/** One of {@link PHONE_FIGURES}. */
export type PhoneFigureName = keyof typeof PHONE_FIGURES

/** The value of a phone figure in one run. */
export function phoneValueOf(sample: PhoneSample, figure: PhoneFigureName): number {
  const frames = sample.scroll.frameIntervals
  switch (figure) {
    case 'scrollP50':
      return percentile(frames.map(snapToFrames), 50)
    case 'scrollP95':
      return percentile(frames.map(snapToFrames), 95)
    case 'scrollLongestTask':
      return sample.traces.scroll.longestTask
    case 'scrollScript':
      return sample.traces.scroll.script / frames.length
    case 'scrollStyleLayout':
      return sample.traces.scroll.styleLayout / frames.length
    case 'scrollLayoutObjects':
      return sample.traces.scroll.layoutObjects / frames.length
    case 'tickLongestTask':
      return sample.traces.tick.longestTask
    case 'tickStyleLayout':
      return sample.traces.tick.styleLayout
    default:
      return sample[figure]
  }
}

/** The phone figures over runs. */
export function phoneFigures(samples: readonly PhoneSample[]): Record<PhoneFigureName, Figure> {
  return Object.fromEntries(
    (Object.keys(PHONE_FIGURES) as PhoneFigureName[]).map((figure) => {
      const values = samples.map((s) => phoneValueOf(s, figure))
      return [figure, { median: median(values), samples: values }]
    }),
  ) as Record<PhoneFigureName, Figure>
}

/** One picker's figure for one operation. */
export interface Figure {
  /** The median over the runs: the figure reported. */
  median: number
  /** Every run's value, in run order. */
  samples: number[]
}

/** A budget of issue 4, judged on the median run. */
export interface BudgetCheck {
  name: string
  /** The measured median. */
  value: number
  /** The worst run. */
  worst: number
  /** The budget: the value must be at most this. */
  limit: number
  unit: string
  pass: boolean
}

/** `results/browser.json`. */
export interface BrowserResults {
  kind: 'browser'
  createdAt: string
  command: string
  machine: {
    cpus: number
    cpuModel: string
    memoryGiB: number
    node: string
    platform: string
    chromium: string
    userAgent: string
    /** 1-minute load average at the start and at the end of the run. */
    loadAverage: { start: number; end: number }
  }
  settings: {
    throttle: number
    runs: number
    scrollFrames: number
    params: BenchParams
    /** Rows of the whole tree expanded. */
    rows: number
    rowHeight: number
    pickerBox: { width: number; height: number }
  }
  pickers: PickerName[]
  operations: Record<OperationName, Partial<Record<PickerName, Figure>>>
  /** Ours on a phone (absent when ours was not run, or with `phoneRuns: 0`). */
  phone?: {
    throttle: number
    runs: number
    viewport: { width: number; height: number }
    figures: Record<PhoneFigureName, Figure>
  }
  /** Ours without throttling, against issue 4's budgets (absent when ours was not run). */
  budgets?: {
    throttle: number
    runs: number
    checks: BudgetCheck[]
    /** Median time from a click without handlers to the next paint in those runs (ms). */
    floorMs: number
  }
}

/** One frame at 60 Hz, in ms. */
export const FRAME_MS = 1000 / 60

/**
 * A frame interval on the 60 Hz grid: `requestAnimationFrame` time stamps have a 0.1 ms
 * resolution, so a frame on time reads 16.6 or 16.8 ms and one dropped frame 33.3 or 33.4 ms.
 */
export function snapToFrames(interval: number): number {
  return Math.max(1, Math.round(interval / FRAME_MS)) * FRAME_MS
}

/** The value of an operation in one run. */
export function valueOf(sample: SessionSample, operation: OperationName): number {
  const frames = sample.scroll.frameIntervals.map(snapToFrames)
  switch (operation) {
    case 'scrollP50':
      return percentile(frames, 50)
    case 'scrollP95':
      return percentile(frames, 95)
    case 'scrollMax':
      return max(frames)
    case 'longTasks':
      return sample.scroll.longTasks.length
    case 'heapAdded':
      return (sample.heap.loaded - sample.heap.baseline) / 2 ** 20
    case 'scrollLongestTask':
      return sample.traces.scroll.longestTask
    case 'scrollScript':
      return sample.traces.scroll.script / sample.scroll.frameIntervals.length
    case 'scrollStyleLayout':
      return sample.traces.scroll.styleLayout / sample.scroll.frameIntervals.length
    case 'scrollPaint':
      return sample.traces.scroll.paint / sample.scroll.frameIntervals.length
    case 'scrollLayoutObjects':
      return sample.traces.scroll.layoutObjects / sample.scroll.frameIntervals.length
    case 'tickLongestTask':
      return sample.traces.tick.longestTask
    case 'tickScript':
      return sample.traces.tick.script
    case 'tickStyleLayout':
      return sample.traces.tick.styleLayout
    case 'tickPaint':
      return sample.traces.tick.paint
    case 'tickLayoutObjects':
      return sample.traces.tick.layoutObjects
    default:
      return sample[operation]
  }
}

/** The figure of `operation` over runs. */
export function figureOf(samples: readonly SessionSample[], operation: OperationName): Figure {
  const values = samples.map((s) => valueOf(s, operation))
  return { median: median(values), samples: values }
}

/** Issue 4's browser budgets for ours, judged on the median of unthrottled runs. */
export function budgetChecks(samples: readonly SessionSample[]): BudgetCheck[] {
  const check = (
    name: string,
    operation: OperationName,
    limit: number,
    unit: string,
  ): BudgetCheck => {
    const { median: value, samples: values } = figureOf(samples, operation)
    return { name, value, worst: max(values), limit, unit, pass: value <= limit }
  }
  return [
    check(
      'Scrolling the expanded tree: frame time p95 at most 16.7 ms',
      'scrollP95',
      FRAME_MS,
      'ms',
    ),
    check('Scrolling the expanded tree: no long task (over 50 ms)', 'longTasks', 0, 'count'),
    check('Expanding a node with 5,000 children paints under 50 ms', 'expandLoaded', 50, 'ms'),
    check('A tick paints under 16 ms', 'tick', 16, 'ms'),
  ]
}

/** Ours over the best peer (under 1: ours is faster); `NaN` without ours or peers. */
export function ratioToBestPeer(figures: Partial<Record<PickerName, Figure>>): {
  ratio: number
  bestPeer: PickerName | undefined
} {
  const ours = figures.ours?.median
  let bestPeer: PickerName | undefined
  for (const peer of ['antd', 'arborist'] as const) {
    const value = figures[peer]?.median
    if (value === undefined || Number.isNaN(value)) continue
    if (bestPeer === undefined || value < (figures[bestPeer]?.median ?? Infinity)) bestPeer = peer
  }
  const best = bestPeer ? figures[bestPeer]?.median : undefined
  if (ours === undefined || best === undefined) return { ratio: Number.NaN, bestPeer }
  return { ratio: ours / best, bestPeer }
}
