import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import type { LayoutOption } from '../useLayoutMode.js'

/** How the picker is shown while open: a full-screen sheet (a phone), or a dialog. */
export interface OpenPicker {
  sheet: boolean
  /** What was typed into the field to open it: the picker starts searching for it. */
  search: string | undefined
}

/** What {@link usePickerOpening} answers. */
export interface PickerOpening {
  /** The open picker, or `null`. */
  dialog: OpenPicker | null
  isOpen: boolean
  /** Whether the picker is open or opening now (read in a blur, before React renders). */
  isOpening: () => boolean
  /** Opens the picker, searching for `search` when given (a key typed into the field). */
  open: (search?: string) => void
  close: () => void
}

/**
 * Opening and closing the field's picker: a sheet when `layout` is `mobile`, or `auto` on a
 * viewport narrower than `mobileBreakpoint` (the field's own width says nothing: a form column
 * is narrow on a desk too); the focus back on the field's input after it closes.
 */
export function usePickerOpening(
  input: RefObject<HTMLInputElement | null>,
  {
    layout = 'auto',
    mobileBreakpoint = 640,
    disabled,
    readOnly,
  }: { layout?: LayoutOption; mobileBreakpoint?: number; disabled?: boolean; readOnly?: boolean },
): PickerOpening {
  const [dialog, setDialog] = useState<OpenPicker | null>(null)
  const opening = useRef(false)
  const blocked = Boolean(disabled || readOnly)
  const open = useCallback(
    (search?: string) => {
      if (blocked || opening.current) return
      opening.current = true
      const narrow = typeof window !== 'undefined' && window.innerWidth < mobileBreakpoint
      setDialog({ sheet: layout === 'mobile' || (layout === 'auto' && narrow), search })
    },
    [blocked, layout, mobileBreakpoint],
  )
  const close = useCallback(() => {
    opening.current = false
    setDialog(null)
  }, [])
  // After the dialog has closed (its own clean-up gives the focus back to whatever had it when it
  // opened, which is not the field when the box was clicked), the field's input takes it.
  const wasOpen = useRef(false)
  useEffect(() => {
    if (wasOpen.current && !dialog) input.current?.focus()
    wasOpen.current = dialog !== null
  }, [dialog, input])
  const isOpening = useCallback(() => opening.current, [])
  return { dialog, isOpen: dialog !== null, isOpening, open, close }
}
