/**
 * A small SVG chart of the browser comparison: one group of horizontal bars per figure, each bar
 * as long as its value relative to the largest in the group, the value written at its end. Plain
 * SVG text, no scripts, readable in any browser and on GitHub.
 */

/** One series (a picker) with its colour. */
export interface ChartSeries {
  name: string
  color: string
}

/** One group of bars: a figure and each series' value. */
export interface ChartGroup {
  label: string
  /** Values by series name; missing or non-finite values draw no bar. */
  values: Record<string, number>
  /** How to write a value, e.g. `12.3 ms`. */
  format: (value: number) => string
}

/** Options of {@link barChart}. */
export interface ChartOptions {
  title: string
  subtitle: string
  series: ChartSeries[]
  groups: ChartGroup[]
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** Renders the chart as an SVG document. */
export function barChart(options: ChartOptions): string {
  const width = 900
  const labelWidth = 300
  const barArea = width - labelWidth - 110
  const barHeight = 16
  const barGap = 3
  const groupGap = 16
  const top = 88
  const groupHeight = options.series.length * (barHeight + barGap) + groupGap
  const height = top + options.groups.length * groupHeight + 10
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="26" font-size="17" font-weight="600" fill="#111827">${escape(options.title)}</text>`,
    `<text x="16" y="46" fill="#4b5563">${escape(options.subtitle)}</text>`,
  ]
  let legendX = 16
  for (const s of options.series) {
    out.push(
      `<rect x="${legendX}" y="58" width="12" height="12" rx="2" fill="${s.color}"/>`,
      `<text x="${legendX + 17}" y="68" fill="#111827">${escape(s.name)}</text>`,
    )
    legendX += 30 + s.name.length * 7.5
  }
  options.groups.forEach((group, g) => {
    const y0 = top + g * groupHeight
    const finite = Object.values(group.values).filter(Number.isFinite)
    const largest = Math.max(...finite, 0)
    out.push(
      `<text x="16" y="${y0 + (options.series.length * (barHeight + barGap)) / 2 + 4}" fill="#111827">${escape(group.label)}</text>`,
    )
    options.series.forEach((s, i) => {
      const value = group.values[s.name]
      const y = y0 + i * (barHeight + barGap)
      if (value === undefined || !Number.isFinite(value)) return
      const length = largest > 0 ? Math.max(1, (value / largest) * barArea) : 1
      out.push(
        `<rect x="${labelWidth}" y="${y}" width="${length.toFixed(1)}" height="${barHeight}" rx="2" fill="${s.color}"/>`,
        `<text x="${(labelWidth + length + 6).toFixed(1)}" y="${y + barHeight - 4}" fill="#374151">${escape(group.format(value))}</text>`,
      )
    })
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}
