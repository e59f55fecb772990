/**
 * The "recipients" panel of the form: the count by role while and after the proxy resolves the
 * selection, and the people the chosen channel cannot reach.
 */
import { parentRelationLabel } from '@epaas-picker/headless'
import { roleLabels, type PickerValue, type Role } from '@epaas-picker/protocol'
import type { Recipient, ResolveChannel } from '@epaas-picker/proxy/client'
import { useId } from 'react'
import { useI18n } from '../i18n/I18nContext.js'
import { errorText } from './errorText.js'
import { personKey } from './lookupNames.js'
import type { RecipientPreviewState } from './useRecipientPreview.js'
import { useRecipientNames } from './useRecipientNames.js'

/** Props of {@link RecipientSummary}. */
export interface RecipientSummaryProps {
  state: RecipientPreviewState
  channel: ResolveChannel
  roleIds: readonly Role[]
  value: PickerValue
}

/** Unmapped people listed by name; the rest are counted. */
const LISTED = 20

/** The live count of recipients, by role, with the unmapped ones of the channel. */
export function RecipientSummary({ state, channel, roleIds, value }: RecipientSummaryProps) {
  const { messages } = useI18n()
  const headingId = useId()
  const busy = state.status === 'loading'
  return (
    <section className="panel summary" aria-labelledby={headingId}>
      <h2 id={headingId}>{messages.preview}</h2>
      <div aria-live="polite" aria-busy={busy} className="summary-body">
        {state.status === 'empty' ? <p className="muted">{messages.previewEmpty}</p> : null}
        {state.status === 'no-roles' ? <p className="muted">{messages.previewNoRoles}</p> : null}
        {state.status === 'loading' ? (
          <div className="summary-loading">
            <p>{messages.previewLoading}</p>
            <progress
              aria-label={messages.previewLoading}
              max={state.progress?.total}
              value={state.progress?.done}
            />
            {state.progress ? (
              <p className="muted small">
                {messages.previewProgress(state.progress.done, state.progress.total)}
              </p>
            ) : null}
          </div>
        ) : null}
        {state.status === 'error' ? (
          <div className="summary-error">
            <p className="error-text">{messages.previewError(errorText(state.error, messages))}</p>
            <button type="button" className="button secondary" onClick={state.retry}>
              {messages.retry}
            </button>
          </div>
        ) : null}
        {state.status === 'done' ? (
          <>
            <p className="summary-total">{messages.previewTotal(state.preview.summary.total)}</p>
            <ul className="role-counts">
              {roleIds.map((role) => (
                <li key={role} className={`role-count role-${role}`}>
                  {messages.previewByRole(role, state.preview.summary.by_role[`${role}`])}
                </li>
              ))}
            </ul>
            {channel === 'epaas' ? null : (
              <Unmapped
                channel={channel}
                unmapped={state.preview.unmapped}
                total={state.preview.summary.unmapped}
                value={value}
              />
            )}
          </>
        ) : null}
      </div>
    </section>
  )
}

function Unmapped({
  channel,
  unmapped,
  total,
  value,
}: {
  channel: Exclude<ResolveChannel, 'epaas'>
  unmapped: readonly Recipient[]
  total: number
  value: PickerValue
}) {
  const { messages, locale } = useI18n()
  const channelName = messages.channelNames[channel]
  const listed = unmapped.slice(0, LISTED)
  const { names, status } = useRecipientNames(listed, value)
  if (total === 0) return <p className="ok-text">{messages.unmappedNone(channelName)}</p>
  return (
    <div className="unmapped">
      <p className="warning-text">{messages.unmappedSome(total, channelName)}</p>
      {status === 'pending' ? <p className="muted small">{messages.unmappedNamesLoading}</p> : null}
      {status === 'error' ? <p className="muted small">{messages.unmappedNamesError}</p> : null}
      <ul className="unmapped-list" aria-label={messages.unmappedListLabel(channelName)}>
        {listed.map((recipient) => {
          const known = names.get(personKey(recipient))
          const relation =
            known && recipient.role_id === 13
              ? parentRelationLabel(known.children, locale)
              : undefined
          return (
            <li key={personKey(recipient)}>
              <span className="person-name">
                {known?.name ?? messages.unknownName(recipient.userid)}
              </span>
              <span className={`role-badge role-${recipient.role_id}`}>
                {roleLabels[recipient.role_id][locale]}
              </span>
              {relation ? <span className="muted small">{relation}</span> : null}
            </li>
          )
        })}
      </ul>
      {total > listed.length ? (
        <p className="muted small">{messages.unmappedMore(total - listed.length)}</p>
      ) : null}
    </div>
  )
}
