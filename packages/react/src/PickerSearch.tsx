import { useId, type InputHTMLAttributes } from 'react'
import { partClass } from './classNames.js'
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
      <svg className="epp-search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M10.5 10.5 14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        aria-labelledby={labelId}
        placeholder={messages.searchPlaceholder}
        aria-busy={busy || undefined}
        {...picker.getSearchInputProps(props)}
        className={partClass('searchInput', classNames, className)}
      />
    </div>
  )
}
