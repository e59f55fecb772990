import { useId, type InputHTMLAttributes } from 'react'
import { partClass } from './classNames.js'
import { SearchIcon } from './icons.js'
import { usePickerContext } from './PickerContext.js'

/** Props of {@link PickerSearch}: extra attributes for the input. */
export type PickerSearchProps = InputHTMLAttributes<HTMLInputElement>

/**
 * The search box: remote search by name (or phone, with `search_type: 3`), debounced, silent
 * during IME composition; `Escape` clears it, `ArrowDown` moves into the list.
 */
export function PickerSearch({ className, ...props }: PickerSearchProps) {
  const { picker, messages, classNames } = usePickerContext()
  const labelId = useId()
  const { search } = picker.snapshot
  const busy = search.status === 'pending' || search.status === 'loading'
  return (
    <div className={partClass('search', classNames)} role="search">
      <label id={labelId} className="epp-visually-hidden">
        {messages.searchLabel}
      </label>
      <SearchIcon />
      <input
        aria-labelledby={labelId}
        placeholder={
          search.phoneSearch ? messages.searchPlaceholderWithPhone : messages.searchPlaceholder
        }
        aria-busy={busy || undefined}
        {...picker.getSearchInputProps(props)}
        className={partClass('searchInput', classNames, className)}
      />
    </div>
  )
}
