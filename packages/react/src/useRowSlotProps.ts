import { useMemo } from 'react'
import { usePickerContext, type PickerController } from './PickerContext.js'
import type { RowDisplay } from './RowLabel.js'

/**
 * What a virtual list hands each of its rows. No row array here: React's development build walks
 * props with `for...in` (see createPickerHandle).
 */
export interface RowSlotProps {
  picker: PickerController
  display: RowDisplay
}

/**
 * The row props of the tree or the mobile list, one object while the picker and the texts stay
 * the same, so that memoised rows are not drawn again for nothing.
 */
export function useRowSlotProps(search: boolean): RowSlotProps {
  const { picker, messages, classNames, showCounts } = usePickerContext()
  const display = useMemo<RowDisplay>(
    () => ({ messages, classNames, showCounts, search }),
    [messages, classNames, showCounts, search],
  )
  return useMemo(() => ({ picker, display }), [picker, display])
}
