import { describe, expect, it } from 'vitest'
import { summarizeTrace, type TraceEvent } from './traceSummary.js'

const page = { pid: 2, tid: 7 }
const other = { pid: 3, tid: 9 }
const meta = (at: { pid: number; tid: number }): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  ts: 0,
  ...at,
  args: { name: 'CrRendererMain' },
})
const x = (name: string, ts: number, dur: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({
  name,
  ph: 'X',
  ts,
  dur,
  ...page,
  ...extra,
})

describe('summarizeTrace', () => {
  it("sums the page's main thread: script less what it forced, style + layout, paint", () => {
    const events: TraceEvent[] = [
      meta(page),
      meta(other),
      x('RunTask', 0, 12_000),
      x('FunctionCall', 100, 8_000),
      // A layout forced from script (a scrollTop read): style + layout, not script.
      x('Layout', 2_000, 3_000, { args: { beginData: { dirtyObjects: 40, totalObjects: 900 } } }),
      // A nested script entry is not counted twice.
      x('RunMicrotasks', 6_000, 1_000),
      x('RunTask', 20_000, 6_000),
      x('UpdateLayoutTree', 20_100, 1_000),
      x('Layout', 21_200, 2_000, { args: { beginData: { dirtyObjects: 10, totalObjects: 900 } } }),
      x('Paint', 23_300, 500),
      x('Commit', 23_900, 500),
      // Another renderer's work is left out.
      { ...x('RunTask', 0, 90_000), ...other },
    ]
    expect(summarizeTrace(events)).toEqual({
      longestTask: 12,
      script: 5,
      styleLayout: 6,
      paint: 1,
      layouts: 2,
      layoutObjects: 50,
    })
  })

  it('joins begin and end events, and reads nothing from a trace without a renderer', () => {
    const events: TraceEvent[] = [
      meta(page),
      { name: 'FunctionCall', ph: 'B', ts: 0, ...page },
      { name: 'FunctionCall', ph: 'E', ts: 4_000, ...page },
    ]
    expect(summarizeTrace(events).script).toBe(4)
    expect(summarizeTrace([x('RunTask', 0, 1_000)]).longestTask).toBe(0)
  })
})
