/** Runs one operation of a page under a Chrome trace and sums the page's main thread (`traceSummary.ts`). */
import type { Page } from 'playwright'
import {
  summarizeTrace,
  TRACE_CATEGORIES,
  type TraceEvent,
  type TraceSummary,
} from './traceSummary.js'

/** Runs `operation` under a Chrome trace of the timeline categories and sums the trace. */
export async function traced<T>(
  page: Page,
  operation: () => Promise<T>,
): Promise<{ result: T; summary: TraceSummary }> {
  const browser = page.context().browser()
  if (!browser) throw new Error('tracing needs the browser')
  await browser.startTracing(page, { categories: TRACE_CATEGORIES })
  let result: T
  try {
    result = await operation()
  } catch (error) {
    await browser.stopTracing()
    throw error
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
    traceEvents: TraceEvent[]
  }
  return { result, summary: summarizeTrace(trace.traceEvents) }
}
