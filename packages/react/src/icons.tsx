/** Small inline icons, hidden from assistive technology (their meaning is in ARIA attributes). */

function Icon({
  d,
  width,
  className = 'epp-icon',
}: {
  d: string
  width: number
  className?: string
}) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden className={className}>
      <path d={d} fill="none" stroke="currentColor" strokeWidth={width} />
    </svg>
  )
}

/** A chevron pointing to the inline end (collapsed; rotated by CSS when open). */
export const ChevronIcon = () => (
  <Icon d="M6 3.5 10.5 8 6 12.5" width={1.6} className="epp-icon epp-chevron" />
)

/** A cross (remove, close). */
export const CrossIcon = () => <Icon d="M4 4l8 8M12 4l-8 8" width={1.6} />

/** A magnifying glass (the search box): a circle and a handle. */
export const SearchIcon = () => (
  <Icon
    d="M11.5 7a4.5 4.5 0 1 1-9 0 4.5 4.5 0 1 1 9 0M10.5 10.5l3.8 3.8"
    width={1.5}
    className="epp-icon epp-search-icon"
  />
)
