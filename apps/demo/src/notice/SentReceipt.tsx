/** What the page shows once the notice went out. */
import { useEffect, useId, useRef } from 'react'
import type { SentNotice } from '../server/createNoticeHandler.js'
import { useI18n } from '../i18n/I18nContext.js'

/** Props of {@link SentReceipt}. */
export interface SentReceiptProps {
  notice: SentNotice
  /** Starts a new notice. */
  onReset: () => void
}

/** The confirmation: who got it, who could not, and a way to send another. */
export function SentReceipt({ notice, onReset }: SentReceiptProps) {
  const { messages, locale } = useI18n()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  // The form the user was in is gone: move focus to the news so it is read out.
  useEffect(() => headingRef.current?.focus(), [])
  const channelName = messages.channelNames[notice.channel]
  const time = new Date(notice.sent_at).toLocaleString(locale)
  return (
    <section className="panel receipt" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {messages.sentTitle}
      </h2>
      <p className="receipt-title">{notice.title}</p>
      <p>{messages.sentBody(notice.reached, channelName)}</p>
      {notice.unmapped > 0 ? (
        <p className="warning-text">{messages.sentUnmapped(notice.unmapped)}</p>
      ) : null}
      <ul className="role-counts">
        {([11, 12, 13] as const)
          .filter((role) => notice.by_role[`${role}`] > 0)
          .map((role) => (
            <li key={role} className={`role-count role-${role}`}>
              {messages.previewByRole(role, notice.by_role[`${role}`])}
            </li>
          ))}
      </ul>
      <p className="muted small">{messages.sentId(notice.id, time)}</p>
      <button type="button" className="button primary" onClick={onReset}>
        {messages.sendAnother}
      </button>
    </section>
  )
}
