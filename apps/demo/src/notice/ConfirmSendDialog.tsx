/**
 * "Send this notice?": the count and the unreachable people once more, then the (mock) send,
 * with its progress and, when it fails, the reason and a retry.
 */
import type { ResolveChannel } from '@epaas-picker/proxy/client'
import * as Dialog from '@radix-ui/react-dialog'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { SentNotice } from '../server/createNoticeHandler.js'
import { useI18n } from '../i18n/I18nContext.js'
import { errorText } from './errorText.js'
import type { RecipientPreview } from './useRecipientPreview.js'

/** Props of {@link ConfirmSendDialog}. */
export interface ConfirmSendDialogProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The resolved recipients shown in the form. */
  preview: RecipientPreview | undefined
  channel: ResolveChannel
  /** Sends the notice. */
  send: (signal: AbortSignal) => Promise<SentNotice>
  onSent: (notice: SentNotice) => void
}

/** The confirmation dialog. */
export function ConfirmSendDialog(props: ConfirmSendDialogProps) {
  const { open, onOpenChange, preview, channel, send, onSent } = props
  const { messages } = useI18n()
  const abort = useRef<AbortController | null>(null)
  const mutation = useMutation({
    mutationFn: () => {
      abort.current = new AbortController()
      return send(abort.current.signal)
    },
    onSuccess: onSent,
  })
  const { reset } = mutation
  useEffect(() => {
    if (open) return
    // Closing gives up a send in flight and forgets the last error.
    abort.current?.abort()
    reset()
  }, [open, reset])

  const channelName = messages.channelNames[channel]
  const sending = mutation.isPending
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => (sending && !next ? undefined : onOpenChange(next))}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-busy={sending}>
          <Dialog.Title className="dialog-title">{messages.confirmTitle}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="dialog-body">
              {preview ? <p>{messages.confirmBody(preview.summary.total, channelName)}</p> : null}
              {preview && preview.summary.unmapped > 0 ? (
                <p className="warning-text">
                  {messages.confirmUnmapped(preview.summary.unmapped, channelName)}
                </p>
              ) : null}
            </div>
          </Dialog.Description>
          <div aria-live="polite">
            {sending ? <p className="muted">{messages.sending}</p> : null}
            {mutation.isError ? (
              <p className="error-text" role="alert">
                {messages.sendError(errorText(mutation.error, messages))}
              </p>
            ) : null}
          </div>
          <div className="dialog-actions">
            {/* aria-disabled rather than disabled: the focused button keeps focus while sending. */}
            <Dialog.Close asChild>
              <button
                type="button"
                className="button secondary"
                aria-disabled={sending}
                onClick={(event) => {
                  if (sending) event.preventDefault()
                }}
              >
                {messages.cancel}
              </button>
            </Dialog.Close>
            <button
              type="button"
              className="button primary"
              aria-disabled={sending}
              onClick={() => {
                if (!sending) mutation.mutate()
              }}
            >
              {mutation.isError ? messages.retry : messages.confirmSend}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
