/**
 * Recent picks (最近), styled: the people and departments confirmed before, above the tree (and
 * on a phone's first screen), each with its box and where it is; ticking one is the same
 * selection as ticking its row. Loaded only by pickers with `history` (imported lazily).
 */
import {
  chipLabel,
  localStorageHistory,
  useRecentPicks,
  whereOf,
  type PickerHistory,
} from '@epaas-picker/headless'
import { entityKey, type PickerValue } from '@epaas-picker/protocol'
import { useEffect, useId, useMemo, type MutableRefObject } from 'react'
import { CheckboxButton } from '../CheckboxButton.js'
import { partClass } from '../classNames.js'
import { usePickerContext } from '../PickerContext.js'

/** Where recent picks are kept (the `history` prop of `AddressBookPicker`). */
export interface HistoryOptions {
  /** Whose picks, for the default localStorage adapter: the user's ID, say. */
  scope?: string
  /** Where else to keep them. Default `localStorageHistory({ scope })`. */
  adapter?: PickerHistory
  /** Most picks kept. Default 20. */
  max?: number
}

/** Props of {@link RecentPicks}. */
export interface RecentPicksProps {
  options: HistoryOptions
  /** Where the picker finds the function recording a confirmed value. */
  recorderRef: MutableRefObject<((value: PickerValue) => void) | undefined>
}

/** The "最近" section; nothing while the history is empty or unavailable. */
export default function RecentPicks({ options, recorderRef }: RecentPicksProps) {
  const { picker, messages, classNames } = usePickerContext()
  const { scope, adapter, max } = options
  const history = useMemo(
    () => adapter ?? localStorageHistory(scope ? { scope } : {}),
    [adapter, scope],
  )
  const recent = useRecentPicks(history, max)
  const { record } = recent
  useEffect(() => {
    recorderRef.current = (value) => void record(value)
    return () => {
      recorderRef.current = undefined
    }
  }, [recorderRef, record])
  const titleId = useId()
  const texts = { title: '最近', clear: '清除', ...messages.recent }
  if (recent.items.length === 0) return null
  const { snapshot, store } = picker
  return (
    <section className={partClass('recent', classNames)} aria-labelledby={titleId}>
      <header className="epp-recent-header">
        <h2 id={titleId} className="epp-recent-title">
          {texts.title}
        </h2>
        <button type="button" className="epp-clear" onClick={() => void recent.clear()}>
          {texts.clear}
        </button>
      </header>
      <ul className="epp-recent-list">
        {recent.items.map((item) => {
          const label = chipLabel(item, messages.parentRelation)
          const where = whereOf(item)
          return (
            <li key={entityKey(item)} className="epp-recent-item">
              <CheckboxButton
                checked={snapshot.getItemChecked(item)}
                role={snapshot.selectionMode === 'single' ? 'radio' : 'checkbox'}
                aria-label={[label, where].filter(Boolean).join(', ')}
                className={partClass('checkbox', classNames)}
                onToggle={() => store.toggleItem(item)}
              />
              <span className="epp-recent-name">{label}</span>
              {where ? <span className="epp-recent-where">{where}</span> : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
