import { useEffect, useRef, type DialogHTMLAttributes, type ReactNode } from 'react'

/** Props of {@link ModalDialog}. */
export interface ModalDialogProps extends Omit<DialogHTMLAttributes<HTMLDialogElement>, 'open'> {
  /** Whether the dialog is shown. */
  open: boolean
  /** Called when the user asks to close it (Escape, or a click on the backdrop). */
  onClose: () => void
  children: ReactNode
}

/**
 * A modal `<dialog>`: the browser traps focus, makes the page behind it inert and closes on
 * Escape. Opened in an effect, so the server renders it closed; focus goes back where it was.
 */
export function ModalDialog({
  open,
  onClose,
  children,
  onClick,
  onKeyDown,
  ...props
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const close = useRef(onClose)
  useEffect(() => {
    close.current = onClose
  })
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const previous = document.activeElement as HTMLElement | null
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal()
      else dialog.setAttribute('open', '')
    }
    const onCancel = (event: Event) => {
      event.preventDefault()
      close.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (typeof dialog.close === 'function') dialog.close()
      else dialog.removeAttribute('open')
      previous?.focus?.()
    }
  }, [open])
  if (!open) return null
  return (
    <dialog
      ref={ref}
      {...props}
      onKeyDown={(event) => {
        onKeyDown?.(event)
        // Also for Escape keys that do not come from the browser's own dialog handling.
        if (!event.defaultPrevented && event.key === 'Escape') {
          event.preventDefault()
          close.current()
        }
      }}
      onClick={(event) => {
        onClick?.(event)
        // A click on the backdrop lands on the dialog element itself.
        if (!event.defaultPrevented && event.target === event.currentTarget) close.current()
      }}
    >
      {children}
    </dialog>
  )
}
