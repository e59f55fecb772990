import { partClass } from './classNames.js'
import { usePickerContext } from './PickerContext.js'

/** The mobile layout's breadcrumb: the top level, then each department drilled into. */
export function PickerBreadcrumb({ className }: { className?: string }) {
  const { picker, messages, classNames } = usePickerContext()
  const { path } = picker.snapshot.drill
  const store = picker.store
  return (
    <nav
      aria-label={messages.breadcrumbLabel}
      className={partClass('breadcrumb', classNames, className)}
    >
      <ol>
        <li>
          <button
            type="button"
            onClick={() => store.drillTo(0)}
            aria-current={path.length === 0 ? 'location' : undefined}
          >
            {messages.breadcrumbRoot}
          </button>
        </li>
        {path.map((row, i) => (
          <li key={row.key}>
            <span className="epp-breadcrumb-sep" aria-hidden="true">
              /
            </span>
            <button
              type="button"
              onClick={() => store.drillTo(i + 1)}
              aria-current={i === path.length - 1 ? 'location' : undefined}
            >
              {row.node.name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
