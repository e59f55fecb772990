/**
 * A minimal tree built only from the prop getters, as an app with its own markup would, for the
 * hook tests.
 */
import type { PickerValue } from '@epaas-picker/protocol'
import { useState } from 'react'
import {
  usePicker,
  type ElementProps,
  type UsePickerOptions,
  type UsePickerResult,
} from '../react/usePicker.js'

export interface TestPickerProps extends UsePickerOptions {
  /** Receives the hook's result on every render. */
  onRender?: (picker: UsePickerResult) => void
  /** Caller props merged by `getTreeProps`. */
  treeProps?: ElementProps
  /** Renders only the first rows, growing when asked to scroll, like a virtual list. */
  windowSize?: number
}

export function TestPicker({ onRender, treeProps, windowSize, ...options }: TestPickerProps) {
  const [end, setEnd] = useState(windowSize ?? Infinity)
  const picker = usePicker({
    ...options,
    scrollToIndex: (index) => {
      options.scrollToIndex?.(index)
      setEnd((current) => Math.max(current, index + 1))
    },
  })
  onRender?.(picker)
  return (
    <div>
      <input aria-label="search" {...picker.getSearchInputProps()} />
      <ul aria-label="address book" {...picker.getTreeProps(treeProps)}>
        {picker.rows.slice(0, end).map((row) => {
          if (row.kind === 'status') {
            return (
              <li key={row.key} {...picker.getRowProps(row)}>
                {row.status}
                {row.status === 'error' ? (
                  <button type="button" {...picker.getRetryProps(row)}>
                    retry
                  </button>
                ) : null}
              </li>
            )
          }
          return (
            <li key={row.key} {...picker.getRowProps(row)} aria-label={row.node.name}>
              <span {...picker.getExpanderProps(row)}>{'>'}</span>
              <span data-testid="checkbox" {...picker.getCheckboxProps(row)} />
              {row.node.name}
            </li>
          )
        })}
      </ul>
      <output aria-label="value">{describeValue(picker.snapshot.value)}</output>
    </div>
  )
}

function describeValue(value: PickerValue): string {
  return [
    ...value.departments.map((d) => `+${d.name}`),
    ...value.users.map((u) => `+${u.name}`),
    ...value.excluded.map((e) => `-${e.name}`),
  ].join(' ')
}
