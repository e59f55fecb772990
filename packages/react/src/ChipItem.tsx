import { chipLabel, whereOf, type SelectionItem } from '@epaas-picker/headless'
import type { ReactNode } from 'react'
import { partClass, type PickerClassNames } from './classNames.js'
import type { PickerMessages } from './messages.js'

/** Props of {@link ChipItem}. */
export interface ChipItemProps {
  item: SelectionItem
  /** An exclusion (除外) rather than a pick. */
  excluded: boolean
  /** What tells the chip apart from another that reads the same. */
  detail: string | undefined
  /** Locked (`lockedItems`): the owner shows no remove button. */
  locked: boolean
  messages: PickerMessages
  classNames: PickerClassNames | undefined
  /** The chip's end (its remove button, or the locked mark), given the remove button's name. */
  end: (removeLabel: string) => ReactNode
}

/**
 * One chip of a selection, as the selected panel and the form field both show it: the role, the
 * label, what tells it apart, and a tooltip with where it is; its end is the owner's.
 */
export function ChipItem({
  item,
  excluded,
  detail,
  locked,
  messages,
  classNames,
  end,
}: ChipItemProps) {
  const label = chipLabel(item, messages.parentRelation)
  const spoken = detail ? `${label}（${detail}）` : label
  const role = item.type === 'user' && !excluded ? messages.roles[item.role_id] : undefined
  return (
    <li
      className={partClass('chip', classNames, excluded && 'epp-chip--excluded')}
      data-kind={excluded ? 'excluded' : item.type}
      data-locked={locked ? '' : undefined}
      title={[role, label, whereOf(item), locked && messages.lockedHint].filter(Boolean).join(' ')}
    >
      {role ? <span className="epp-chip-role">{role}</span> : null}
      <span className="epp-chip-label">{label}</span>
      {detail ? <span className="epp-chip-detail">{detail}</span> : null}
      {end(excluded ? messages.removeExclusion(spoken) : messages.removeItem(spoken))}
    </li>
  )
}
