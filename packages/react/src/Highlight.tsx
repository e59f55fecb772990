import { Fragment, type ReactNode } from 'react'

/** Props of {@link Highlight}. */
export interface HighlightProps {
  /** The text (a node's name). */
  text: string
  /** `[start, end)` ranges to mark, as `SearchRow.matches` gives them. */
  ranges: readonly (readonly [number, number])[]
  /** Class of each `<mark>`. */
  className?: string
}

/** A text with the matched ranges of a search wrapped in `<mark>`. */
export function Highlight({ text, ranges, className }: HighlightProps) {
  if (ranges.length === 0) return <>{text}</>
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start > at) parts.push(<Fragment key={`t${at}`}>{text.slice(at, start)}</Fragment>)
    parts.push(
      <mark key={`m${start}`} className={className}>
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>)
  return <>{parts}</>
}
