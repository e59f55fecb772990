/** Number formatting for the reports. */

/** `1234.5` -> `1,235` (or with `digits` decimals). */
export function fmt(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return '–'
  return value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–'
  return value >= 100 ? fmt(value) : fmt(value, 1)
}

/** Bytes as KB (1,000 bytes, one decimal). */
export function kb(bytes: number): string {
  return `${fmt(bytes / 1000, 1)} KB`
}

/** A markdown table from a header row and rows; `align` per column (`l` or `r`). */
export function table(header: string[], rows: string[][], align?: ('l' | 'r')[]): string {
  const rule = header.map((_, i) => ((align?.[i] ?? 'l') === 'r' ? '---:' : '---'))
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}
