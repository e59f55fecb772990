/**
 * Paste a list (批量添加), styled: a button beside the search box opening a dialog where names
 * and phone numbers are pasted, matched with a progress bar, same-named people chosen, misses
 * and failures listed (with a retry), then added as one change. Loaded only by pickers with
 * `pasteList` (the picker imports it lazily).
 */
import {
  matchList,
  useListMatch,
  type ListMatch,
  type MatchListOptions,
  type PasteEntry,
  type Refusal,
} from '@epaas-picker/headless'
import { useEffect, useId, useState } from 'react'
import { ModalDialog } from '../ModalDialog.js'
import { usePickerContext } from '../PickerContext.js'
import { rowAccessibleName, type RowDisplay } from '../RowLabel.js'
import { pasteZhCN, type PasteMessages } from './pasteMessages.js'

/** Props of {@link PasteList}. */
export interface PasteListProps {
  /** Searches at once and the most tokens (`matchList`'s options). */
  options?: MatchListOptions
}

/** The button and, once pressed, its dialog. */
export default function PasteList({ options = {} }: PasteListProps) {
  const { messages } = usePickerContext()
  const texts = { ...pasteZhCN, ...messages.paste }
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="epp-paste-button" onClick={() => setOpen(true)}>
        {texts.action}
      </button>
      {open ? <PasteDialog options={options} texts={texts} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

type Stage =
  | { kind: 'input'; text: string; error?: string }
  | { kind: 'match'; match: ListMatch }
  | { kind: 'refused'; refused: Refusal[] }

// Mostly markup: the dialog's three states (entering, matching, results) side by side.
function PasteDialog({
  options,
  texts,
  onClose,
}: {
  options: MatchListOptions
  texts: PasteMessages
  onClose: () => void
}) {
  const { picker, messages } = usePickerContext()
  const titleId = useId()
  const [stage, setStage] = useState<Stage>({ kind: 'input', text: '' })
  const match = stage.kind === 'match' ? stage.match : undefined
  // Closing the dialog stops what is still searching; nothing was added.
  useEffect(() => () => match?.cancel(), [match])
  const start = (text: string) => {
    const result = matchList(picker.store, text, options)
    if (result.ok) setStage({ kind: 'match', match: result.match })
    else {
      const error =
        result.reason === 'empty' ? texts.empty : texts.tooMany(result.count, result.maximum)
      setStage({ kind: 'input', text, error })
    }
  }
  return (
    <ModalDialog open onClose={onClose} aria-labelledby={titleId} className="epp-dialog epp-paste">
      <div className="epp-dialog-header">
        <h2 id={titleId} className="epp-dialog-title">
          {texts.title}
        </h2>
      </div>
      <div className="epp-paste-body">
        {stage.kind === 'input' ? (
          <PasteInput
            stage={stage}
            texts={texts}
            onChange={(text) => setStage({ kind: 'input', text })}
            onMatch={start}
            onCancel={onClose}
          />
        ) : stage.kind === 'match' ? (
          <PasteReview
            match={stage.match}
            texts={texts}
            onCancel={onClose}
            onApply={() => {
              const { refused } = stage.match.apply()
              if (refused.length === 0) onClose()
              else setStage({ kind: 'refused', refused })
            }}
          />
        ) : (
          <>
            <h3 className="epp-paste-heading">{texts.refused}</h3>
            <ul className="epp-paste-list" role="status">
              {stage.refused.map((refusal, i) => (
                <li key={i}>{messages.refusal(refusal)}</li>
              ))}
            </ul>
            <div className="epp-paste-actions">
              <button type="button" className="epp-button epp-button--primary" onClick={onClose}>
                {texts.done}
              </button>
            </div>
          </>
        )}
      </div>
    </ModalDialog>
  )
}

function PasteInput({
  stage,
  texts,
  onChange,
  onMatch,
  onCancel,
}: {
  stage: Extract<Stage, { kind: 'input' }>
  texts: PasteMessages
  onChange: (text: string) => void
  onMatch: (text: string) => void
  onCancel: () => void
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id} className="epp-paste-label">
        {texts.label}
      </label>
      <textarea
        id={id}
        className="epp-paste-text"
        rows={8}
        value={stage.text}
        aria-describedby={`${id}-hint`}
        aria-invalid={stage.error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className="epp-paste-hint">
        {stage.error ?? texts.hint}
      </p>
      <div className="epp-paste-actions">
        <button type="button" className="epp-button" onClick={onCancel}>
          {texts.cancel}
        </button>
        <button
          type="button"
          className="epp-button epp-button--primary"
          onClick={() => onMatch(stage.text)}
        >
          {texts.match}
        </button>
      </div>
    </>
  )
}

function PasteReview({
  match,
  texts,
  onCancel,
  onApply,
}: {
  match: ListMatch
  texts: PasteMessages
  onCancel: () => void
  onApply: () => void
}) {
  const { messages, classNames } = usePickerContext()
  const state = useListMatch(match)
  const display: RowDisplay = {
    messages,
    classNames,
    showCounts: false,
    rolesHidden: true,
    search: true,
    single: false,
  }
  const total = state.entries.length
  return (
    <>
      <progress
        className="epp-paste-progress"
        max={total}
        value={state.done}
        aria-label={texts.progress(state.done, total)}
      />
      <p className="epp-paste-status" role="status">
        {state.status === 'matching'
          ? texts.progress(state.done, total)
          : texts.summary(state.counts)}
      </p>
      <ul className="epp-paste-list">
        {state.entries.map((entry) => (
          <li key={entry.token} className="epp-paste-entry" data-status={entry.status}>
            <PasteEntryView entry={entry} match={match} texts={texts} display={display} />
          </li>
        ))}
      </ul>
      <div className="epp-paste-actions">
        <button type="button" className="epp-button" onClick={onCancel}>
          {texts.cancel}
        </button>
        <button
          type="button"
          className="epp-button epp-button--primary"
          disabled={state.counts.chosen === 0}
          onClick={onApply}
        >
          {texts.apply(state.counts.chosen)}
        </button>
      </div>
    </>
  )
}

// Mostly markup: one pasted entry in each of its states (found, several, missing, error).
function PasteEntryView({
  entry,
  match,
  texts,
  display,
}: {
  entry: PasteEntry
  match: ListMatch
  texts: PasteMessages
  display: RowDisplay
}) {
  const group = useId()
  switch (entry.status) {
    case 'waiting':
    case 'searching':
      return <span className="epp-paste-token">{entry.token}</span>
    case 'matched':
      return <span>{rowAccessibleName(entry.chosen!, display)}</span>
    case 'missing':
      return (
        <span>
          <span className="epp-paste-token">{entry.token}</span>{' '}
          <span className="epp-paste-note">{texts.missing}</span>
        </span>
      )
    case 'error':
      return (
        <span>
          <span className="epp-paste-token">{entry.token}</span>{' '}
          <span className="epp-paste-note">{texts.failed}</span>{' '}
          <button type="button" className="epp-retry" onClick={() => match.retry(entry.token)}>
            {texts.retry}
          </button>
        </span>
      )
    case 'ambiguous':
      return (
        <fieldset className="epp-paste-choices">
          <legend>{texts.choose(entry.token)}</legend>
          {entry.candidates.map((row) => (
            <label key={row.key}>
              <input
                type="radio"
                name={group}
                checked={entry.chosen?.key === row.key}
                onChange={() => match.choose(entry.token, row.key)}
              />{' '}
              {rowAccessibleName(row, display)}
            </label>
          ))}
          <label>
            <input
              type="radio"
              name={group}
              checked={entry.chosen === null}
              onChange={() => match.choose(entry.token, null)}
            />{' '}
            {texts.none}
          </label>
        </fieldset>
      )
  }
}
