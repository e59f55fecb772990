/**
 * What a Chrome trace of one operation says about the page's main thread, in figures that are not
 * rounded to vsync: the longest task, and the time spent in script, in style + layout and in
 * paint, plus how many layout objects each layout touched.
 *
 * Frame intervals read from `requestAnimationFrame` come in whole frames (16.7, 33.3 ms); two
 * pickers with the same interval can still differ twice in work per frame. These figures show it.
 */

/** One event of Chrome's trace format (only the fields read here). */
export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: {
    name?: string
    beginData?: { dirtyObjects?: number; totalObjects?: number }
  }
}

/** The main thread's work during one traced operation; times in ms. */
export interface TraceSummary {
  /** Longest task (`RunTask`) on the renderer's main thread. */
  longestTask: number
  /** Time in JavaScript: entries into script, less the style, layout and paint forced inside. */
  script: number
  /** Style recalculation (`UpdateLayoutTree`) and layout (`Layout`). */
  styleLayout: number
  /** Pre-paint, paint, layerization and the commit to the compositor. */
  paint: number
  /** Layouts run. */
  layouts: number
  /** Layout objects the layouts had to visit (`dirtyObjects`, summed). */
  layoutObjects: number
}

/** Events that enter JavaScript; nested ones are not counted twice. */
const SCRIPT_ENTRIES = new Set([
  'FunctionCall',
  'EvaluateScript',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'FireIdleCallback',
  'v8.callFunction',
  'V8.Execute',
])
const STYLE_LAYOUT = new Set(['UpdateLayoutTree', 'Layout'])
const PAINT = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'])

/**
 * The renderer main thread with the most script: the page's (the browser and other renderers
 * have main threads too).
 */
function pageMainThread(events: readonly TraceEvent[]): { pid: number; tid: number } | null {
  const mains = new Set<string>()
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      mains.add(`${e.pid}:${e.tid}`)
  }
  const scriptCount = new Map<string, number>()
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`
    if (mains.has(thread) && SCRIPT_ENTRIES.has(e.name))
      scriptCount.set(thread, (scriptCount.get(thread) ?? 0) + 1)
  }
  let best: string | undefined
  for (const [thread, count] of scriptCount)
    if (best === undefined || count > (scriptCount.get(best) ?? 0)) best = thread
  const chosen = best ?? [...mains][0]
  if (chosen === undefined) return null
  const [pid, tid] = chosen.split(':').map(Number) as [number, number]
  return { pid, tid }
}

/** Complete events (`X`) of one thread; `B`/`E` pairs are joined into complete events. */
function completeEvents(events: readonly TraceEvent[], pid: number, tid: number): TraceEvent[] {
  const out: TraceEvent[] = []
  const open = new Map<string, TraceEvent[]>()
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue
    if (e.ph === 'X' && e.dur !== undefined) out.push(e)
    else if (e.ph === 'B') {
      const stack = open.get(e.name) ?? []
      stack.push(e)
      open.set(e.name, stack)
    } else if (e.ph === 'E') {
      const begin = open.get(e.name)?.pop()
      if (begin) out.push({ ...begin, ph: 'X', dur: e.ts - begin.ts })
    }
  }
  return out.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
}

/** Sums the trace's main-thread figures (see {@link TraceSummary}). */
export function summarizeTrace(events: readonly TraceEvent[]): TraceSummary {
  const summary: TraceSummary = {
    longestTask: 0,
    script: 0,
    styleLayout: 0,
    paint: 0,
    layouts: 0,
    layoutObjects: 0,
  }
  const thread = pageMainThread(events)
  if (!thread) return summary
  let scriptEnd = -1
  let scriptUs = 0
  let forcedInScriptUs = 0
  for (const e of completeEvents(events, thread.pid, thread.tid)) {
    const dur = e.dur ?? 0
    const end = e.ts + dur
    const insideScript = e.ts < scriptEnd
    if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
      summary.longestTask = Math.max(summary.longestTask, dur / 1000)
    else if (SCRIPT_ENTRIES.has(e.name)) {
      if (!insideScript) {
        scriptUs += dur
        scriptEnd = end
      }
    } else if (STYLE_LAYOUT.has(e.name) || PAINT.has(e.name)) {
      if (insideScript) forcedInScriptUs += dur
      if (STYLE_LAYOUT.has(e.name)) summary.styleLayout += dur / 1000
      else summary.paint += dur / 1000
      if (e.name === 'Layout') {
        summary.layouts += 1
        summary.layoutObjects += e.args?.beginData?.dirtyObjects ?? 0
      }
    }
  }
  summary.script = (scriptUs - forcedInScriptUs) / 1000
  return summary
}

/** Trace categories that carry every event {@link summarizeTrace} reads. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
]
