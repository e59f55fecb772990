import { chipDetails, chipLabel, type SelectionItem } from '@epaas-picker/headless'
import { entityKey } from '@epaas-picker/protocol'
import { useMemo } from 'react'
import { ChipItem } from '../ChipItem.js'
import { partClass, type PickerClassNames } from '../classNames.js'
import { CrossIcon } from '../icons.js'
import type { PickerMessages } from '../messages.js'
import type { FieldChipItem } from './fieldValue.js'
import type { FieldMessages } from './fieldMessages.js'

/** Props of {@link FieldChips}. */
export interface FieldChipsProps {
  items: readonly FieldChipItem[]
  /** Most chips shown; the rest become one "+N" chip. Default: all. */
  maxTagCount: number | undefined
  /** Entity keys of the locked items, one per line (a string, so equal lists compare equal). */
  locked: string
  /** Chips have remove buttons (not when the field is disabled or read-only). */
  removable: boolean
  onRemove: (key: string) => void
  messages: PickerMessages
  fieldMessages: FieldMessages
  classNames: PickerClassNames | undefined
}

/**
 * The field's chips, as the selected panel's: same-named items told apart (`张三 · 一年级(1)班`),
 * a parent with their children, exclusions struck through, locked items without a remove button;
 * past `maxTagCount`, one "+N" chip whose tooltip names the others.
 */
export function FieldChips({
  items,
  maxTagCount,
  locked,
  removable,
  onRemove,
  messages,
  fieldMessages,
  classNames,
}: FieldChipsProps) {
  const details = useMemo(() => chipDetails(items.map(({ item }) => item)), [items])
  const lockedKeys = new Set(locked.split('\n'))
  const limit = Math.max(0, maxTagCount ?? items.length)
  const shown = items.slice(0, limit)
  const hidden = items.slice(limit)
  return (
    <ul className="epp-chips epp-field-chips" aria-label={fieldMessages.chipsLabel}>
      {shown.map(({ item, excluded }) => (
        <FieldChip
          key={entityKey(item)}
          item={item}
          excluded={excluded}
          detail={details.get(entityKey(item))}
          locked={lockedKeys.has(entityKey(item))}
          removable={removable}
          onRemove={onRemove}
          messages={messages}
          classNames={classNames}
        />
      ))}
      {hidden.length > 0 ? (
        <li
          className={partClass('chip', classNames, 'epp-field-more')}
          title={hidden.map(({ item }) => chipLabel(item, messages.parentRelation)).join('、')}
        >
          <span aria-hidden>{fieldMessages.more(hidden.length)}</span>
          <span className="epp-visually-hidden">{fieldMessages.moreSpoken(hidden.length)}</span>
        </li>
      ) : null}
    </ul>
  )
}

interface FieldChipProps extends Pick<
  FieldChipsProps,
  'removable' | 'onRemove' | 'messages' | 'classNames'
> {
  item: SelectionItem
  excluded: boolean
  /** What tells the chip apart from another that reads the same. */
  detail: string | undefined
  locked: boolean
}

/** One chip: role, name, what tells it apart, and its remove button (not when locked). */
function FieldChip({
  item,
  excluded,
  detail,
  locked,
  removable,
  onRemove,
  messages,
  classNames,
}: FieldChipProps) {
  const key = entityKey(item)
  return (
    <ChipItem
      item={item}
      excluded={excluded}
      detail={detail}
      locked={locked}
      messages={messages}
      classNames={classNames}
      end={(removeLabel) =>
        locked ? (
          <span className="epp-visually-hidden">{messages.lockedHint}</span>
        ) : removable ? (
          <button
            type="button"
            // One tab stop for the field, as a native control: Backspace removes the last chip,
            // the picker any; pointer and screen-reader users have this button.
            tabIndex={-1}
            className="epp-chip-remove"
            aria-label={removeLabel}
            // Keeps the focus on the field's input.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onRemove(key)}
          >
            <CrossIcon />
          </button>
        ) : null
      }
    />
  )
}
