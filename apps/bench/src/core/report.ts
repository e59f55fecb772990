/**
 * Turns tinybench tasks into markdown rows with the budget each is held to.
 */
import type { Task } from 'tinybench'

/** One line of a results table. */
export interface ResultRow {
  name: string
  /** Mean, median and p99 latency in ms; samples. */
  mean: number
  p50: number
  p99: number
  samples: number
  /** Budget in ms for the median, if any. */
  budgetMs?: number
}

/** Reads a finished task's latency statistics. */
export function rowOf(task: Task, budgetMs?: number): ResultRow {
  const result = task.result
  if (!('latency' in result)) throw new Error(`task ${task.name} did not complete: ${result.state}`)
  return {
    name: task.name,
    mean: result.latency.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    samples: result.latency.samplesCount,
    ...(budgetMs !== undefined ? { budgetMs } : {}),
  }
}

const ms = (value: number) => value.toFixed(3)

/**
 * A markdown table of rows, with a verdict where a budget applies. Judged on the median: the
 * machine is shared, and preemption by other processes inflates the mean and the tail.
 */
export function table(rows: readonly ResultRow[]): string {
  const lines = [
    '| task | mean (ms) | median (ms) | p99 (ms) | samples | budget (ms) | verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const row of rows) {
    const verdict =
      row.budgetMs === undefined ? '' : row.p50 < row.budgetMs ? 'within budget' : 'OVER BUDGET'
    lines.push(
      `| ${row.name} | ${ms(row.mean)} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.samples} | ${row.budgetMs ?? ''} | ${verdict} |`,
    )
  }
  return lines.join('\n')
}
