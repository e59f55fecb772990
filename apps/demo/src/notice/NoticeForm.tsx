/**
 * The "send a notice" form: title, message, recipients from the picker, roles, channel, the
 * resolved count, and a send that asks for confirmation first.
 */
import { AddressBookPicker, zhCN, type AddressBookPickerHandle } from '@epaas-picker/react'
import { enUS } from '@epaas-picker/react/locales/en-US'
import type { PickerValue, Role } from '@epaas-picker/protocol'
import type { ResolveChannel } from '@epaas-picker/proxy/client'
import { useId, useRef, useState, type FormEvent } from 'react'
import type { SentNotice } from '../server/createNoticeHandler.js'
import { useDemoApi } from '../api/DemoApiContext.js'
import { useI18n } from '../i18n/I18nContext.js'
import { ChannelField } from './ChannelField.js'
import { ConfirmSendDialog } from './ConfirmSendDialog.js'
import { pickerFilters } from './pickerFilters.js'
import { RecipientSummary } from './RecipientSummary.js'
import { RoleField } from './RoleField.js'
import { useRecipientPreview } from './useRecipientPreview.js'

/** Props of {@link NoticeForm}. */
export interface NoticeFormProps {
  /** The picker's value, kept by the page (the debug tab shows it). */
  value: PickerValue
  onValueChange: (value: PickerValue) => void
  /** Called once the notice went out. */
  onSent: (notice: SentNotice) => void
}

const fields = ['title', 'body', 'roles', 'recipients'] as const
type Field = (typeof fields)[number]
type Errors = Partial<Record<Field, string>>

/** The form. */
export function NoticeForm({ value, onValueChange, onSent }: NoticeFormProps) {
  const { messages, locale } = useI18n()
  const { api } = useDemoApi()
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [roleIds, setRoleIds] = useState<Role[]>([11, 12, 13])
  const [channel, setChannel] = useState<ResolveChannel>('epaas')
  // The fields that failed the last submit; each message clears itself once the field is fixed.
  const [failed, setFailed] = useState<readonly Field[]>([])
  const [confirming, setConfirming] = useState(false)
  const preview = useRecipientPreview({ value, roleIds, channel })
  const ids = { title: useId(), body: useId(), recipients: useId() }
  const titleRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const rolesRef = useRef<HTMLFieldSetElement>(null)
  const recipientsRef = useRef<HTMLElement>(null)
  const pickerRef = useRef<AddressBookPickerHandle>(null)

  const validate = (): Errors => {
    const found: Errors = {}
    if (!title.trim()) found.title = messages.errorTitle
    if (!body.trim()) found.body = messages.errorBody
    if (roleIds.length === 0) found.roles = messages.errorRoles
    if (preview.status === 'empty') found.recipients = messages.errorRecipients
    else if (preview.status === 'done' && preview.preview.summary.total === 0) {
      found.recipients = messages.errorRecipientsZero
    } else if (preview.status === 'loading') found.recipients = messages.errorRecipientsPending
    else if (preview.status === 'error') found.recipients = messages.errorRecipientsFailed
    return found
  }

  const current = validate()
  const errors: Errors = Object.fromEntries(
    failed.flatMap((field) => (current[field] ? [[field, current[field]]] : [])),
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const found = validate()
    setFailed(fields.filter((field) => found[field]))
    const first = fields.find((field) => found[field])
    if (first === 'title') titleRef.current?.focus()
    else if (first === 'body') bodyRef.current?.focus()
    else if (first === 'roles') rolesRef.current?.querySelector('input')?.focus()
    else if (first === 'recipients') {
      recipientsRef.current?.querySelector<HTMLElement>('input, [tabindex="0"]')?.focus()
    } else setConfirming(true)
  }

  const errorList = Object.values(errors)
  return (
    <>
      <form className="notice-form" onSubmit={submit} noValidate>
        <div>
          {errorList.length > 0 ? (
            <div className="error-summary" role="alert">
              <p>{messages.errorSummary(errorList.length)}</p>
              <ul>
                {errorList.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor={ids.title}>{messages.title}</label>
          <input
            id={ids.title}
            ref={titleRef}
            name="title"
            value={title}
            maxLength={120}
            placeholder={messages.titlePlaceholder}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${ids.title}-error` : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
          {errors.title ? (
            <p className="field-error" id={`${ids.title}-error`}>
              {errors.title}
            </p>
          ) : null}
        </div>

        <div className="field">
          <label htmlFor={ids.body}>{messages.body}</label>
          <textarea
            id={ids.body}
            ref={bodyRef}
            name="body"
            rows={4}
            value={body}
            maxLength={5000}
            placeholder={messages.bodyPlaceholder}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={errors.body ? `${ids.body}-error` : undefined}
            onChange={(event) => setBody(event.target.value)}
          />
          {errors.body ? (
            <p className="field-error" id={`${ids.body}-error`}>
              {errors.body}
            </p>
          ) : null}
        </div>

        <section className="field recipients" aria-labelledby={ids.recipients} ref={recipientsRef}>
          <h2 id={ids.recipients} className="field-label">
            {messages.recipients}
          </h2>
          <p className="muted small">{messages.recipientsHint}</p>
          <AddressBookPicker
            {...pickerFilters}
            ref={pickerRef}
            transport={api.pickerClient}
            // Teachers keep their lists in spreadsheets and chats; and pick the same classes again.
            pasteList
            history={{ scope: 'demo-teacher' }}
            value={value}
            onValueChange={onValueChange}
            locale={locale === 'en-US' ? enUS : zhCN}
            className="notice-picker"
          />
          {errors.recipients ? <p className="field-error">{errors.recipients}</p> : null}
        </section>

        <div className="options">
          <RoleField ref={rolesRef} value={roleIds} onChange={setRoleIds} error={errors.roles} />
          <ChannelField value={channel} onChange={setChannel} />
        </div>

        <RecipientSummary state={preview} channel={channel} roleIds={roleIds} value={value} />

        <div className="actions">
          <button type="submit" className="button primary">
            {messages.send}
          </button>
        </div>
      </form>

      <ConfirmSendDialog
        open={confirming}
        onOpenChange={setConfirming}
        preview={preview.status === 'done' ? preview.preview : undefined}
        channel={channel}
        send={(signal) =>
          api.sendNotice({ title, body, channel, role_ids: roleIds, value }, signal)
        }
        onSent={(notice) => {
          setConfirming(false)
          // What was sent to becomes the teacher's recent picks (最近).
          pickerRef.current?.recordRecent(value)
          onSent(notice)
        }}
      />
    </>
  )
}
