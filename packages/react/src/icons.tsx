/** Small inline icons, hidden from assistive technology (their meaning is in ARIA attributes). */

const svg = { viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const

/** A check mark (ticked). */
export function CheckIcon() {
  return (
    <svg {...svg} className="epp-icon">
      <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  )
}

/** A dash (partly ticked). */
export function DashIcon() {
  return (
    <svg {...svg} className="epp-icon">
      <path d="M4 8h8" stroke="currentColor" strokeWidth="2" />
    </svg>
  )
}

/** A chevron pointing to the inline end (collapsed; rotated by CSS when open). */
export function ChevronIcon() {
  return (
    <svg {...svg} className="epp-icon epp-chevron">
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}

/** A cross (remove, close). */
export function CrossIcon() {
  return (
    <svg {...svg} className="epp-icon">
      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}
