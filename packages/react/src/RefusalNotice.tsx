import { partClass } from './classNames.js'
import { usePickerContext } from './PickerContext.js'

/**
 * Says why the last tick was refused (disabled, departments only, maximum reached), in a live
 * region, until the next accepted tick. The region stays mounted so that the message is read.
 */
export function RefusalNotice({ className }: { className?: string }) {
  const { picker, messages, classNames } = usePickerContext()
  const refusal = picker.snapshot.refusal
  return (
    <div
      role="status"
      className={partClass('refusal', classNames, className)}
      data-empty={refusal ? undefined : ''}
    >
      {refusal ? messages.refusal(refusal) : null}
    </div>
  )
}
