import { partClass } from './classNames.js'
import { CrossIcon } from './icons.js'
import { usePickerContext } from './PickerContext.js'

/**
 * Says who was refused and why ("李四不可选", "最多可选 50 人，已选 48 人…"), in a live region,
 * until the next accepted action, Escape, or its close button. It floats over the bottom of the
 * list instead of taking room from it, so the tree does not move when it comes and goes. The
 * region stays mounted so that the message is read.
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
      {refusal ? (
        <p className="epp-refusal-text">
          <span>{messages.refusal(refusal)}</span>
          <button
            type="button"
            className="epp-icon-button"
            aria-label={messages.dismiss}
            onClick={() => picker.store.dismissRefusal()}
          >
            <CrossIcon />
          </button>
        </p>
      ) : null}
    </div>
  )
}
