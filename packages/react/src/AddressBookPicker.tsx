import {
  proxyRecipientCounter,
  type PickerStore,
  type RecipientCounter,
  type RevealResult,
  type RevealTarget,
  type UsePickerOptions,
} from '@epaas-picker/headless'
import type { PickerValue } from '@epaas-picker/protocol'
import {
  forwardRef,
  useImperativeHandle,
  useMemo,
  useState,
  type CSSProperties,
  type ForwardedRef,
} from 'react'
import { partClass } from './classNames.js'
import { DrillList } from './DrillList.js'
import { CrossIcon } from './icons.js'
import { ModalDialog } from './ModalDialog.js'
import { PickerBreadcrumb } from './PickerBreadcrumb.js'
import { usePickerContext } from './PickerContext.js'
import { PickerFooter } from './PickerFooter.js'
import { PickerRoot, type PickerViewOptions } from './PickerRoot.js'
import { PickerSearch } from './PickerSearch.js'
import { PickerTree } from './PickerTree.js'
import { usePickerCount, type RecipientCountOptions } from './RecipientCount.js'
import { RefusalNotice } from './RefusalNotice.js'
import { SelectedPanel } from './SelectedPanel.js'
import { useAddressBookPicker } from './useAddressBookPicker.js'

/**
 * Props of {@link AddressBookPicker}: every option of `usePicker` (filters with the seed's
 * names, `transport`, `maxCount`, the controlled triples `value` / `expanded` / `searchValue`,
 * ...) plus the look and the footer.
 */
export interface AddressBookPickerProps extends UsePickerOptions, PickerViewOptions {
  /** Shows a confirm button; called with the value. */
  onConfirm?: (value: PickerValue) => void
  /** Shows a cancel button; called when it is pressed. */
  onCancel?: () => void
  /** Disables confirm while nothing is selected. Default false. */
  requireSelection?: boolean
  /** Hides the selected panel (desktop layout). Default false. */
  hideSelectedPanel?: boolean
  /** Extra class of the root element. */
  className?: string
  /** Style of the root element (e.g. `{ height: 520 }`; the default height is 480 px). */
  style?: CSSProperties
  /** `id` of the root element. */
  id?: string
  /**
   * Counts the selection exactly, through the proxy's `resolve` with the list left out: a
   * counter (`proxyRecipientCounter({ baseUrl })` of `@epaas-picker/headless`, or your own),
   * `true` for the proxy at `/api/epaas`, `false` for the tree's estimate (约) only. Default:
   * `true` without a `transport` (the picker then talks to the proxy there), else `false`.
   * Roles counted: `select_role_list`.
   */
  countRecipients?: RecipientCounter | boolean
  /**
   * With `selectionMode: 'single'`: a pick confirms at once (`onConfirm` with the value), as a
   * "choose the approver" dialog wants. Default `false`.
   */
  confirmOnSelect?: boolean
}

/**
 * The address-book picker (通讯录选人): search box, virtualized tree with tri-state checkboxes,
 * selected panel with chips, footer. Narrow screens get drill-down lists with a breadcrumb and
 * the selected panel as a bottom sheet. Needs a `QueryClientProvider` above it (or
 * `queryClient`).
 *
 * @example
 * <AddressBookPicker
 *   select_type={0}
 *   select_role_list={[11, 13]}
 *   need_users_total
 *   maxCount={500}
 *   onConfirm={(value) => sendNotice(value)}
 * />
 */
export const AddressBookPicker = forwardRef<AddressBookPickerHandle, AddressBookPickerProps>(
  function AddressBookPicker(props, ref) {
    return <AddressBookPickerView {...props} handleRef={ref} />
  },
)

/** What a ref on `AddressBookPicker` holds. */
export interface AddressBookPickerHandle {
  /**
   * Opens the tree down to an item (a value item, or a department's `id_path`), scrolls to it
   * and focuses it; in the mobile layout, opens its level. Resolves with whether it was found
   * (when not, the picker says so).
   *
   * @example
   * pickerRef.current?.reveal({ type: 'department', id_path: teacher.class_id_path })
   */
  reveal(target: RevealTarget): Promise<RevealResult>
  /** The picker's store, for anything else. */
  readonly store: PickerStore
}

function AddressBookPickerView({
  handleRef,
  ...props
}: AddressBookPickerProps & { handleRef: ForwardedRef<AddressBookPickerHandle> }) {
  const { onConfirm, onCancel, requireSelection, hideSelectedPanel = false } = props
  // The hook ignores the view's props, and the root the picker's options.
  const picker = useAddressBookPicker({ ...props, onValueChange: useConfirmOnSelect(props) })
  const { store } = picker
  useImperativeHandle(handleRef, () => ({ reveal: (target) => store.reveal(target), store }), [
    store,
  ])
  const footer = onConfirm || onCancel
  const recipientCount = useRecipientCountOptions(props)
  return (
    <PickerRoot {...props} picker={picker} recipientCount={recipientCount}>
      {(resolved) =>
        resolved === 'mobile' ? (
          <MobileLayout
            onConfirm={onConfirm}
            onCancel={onCancel}
            requireSelection={requireSelection}
          />
        ) : (
          <>
            <div className="epp-main">
              <div className="epp-browse">
                <PickerSearch />
                <PickerTree />
              </div>
              {hideSelectedPanel ? null : <SelectedPanel />}
            </div>
            <RefusalNotice />
            {footer ? (
              <PickerFooter
                onConfirm={onConfirm}
                onCancel={onCancel}
                requireSelection={requireSelection}
              />
            ) : null}
          </>
        )
      }
    </PickerRoot>
  )
}

/** `onValueChange`, confirming a single pick at once with `confirmOnSelect`. */
function useConfirmOnSelect({
  onValueChange,
  onConfirm,
  confirmOnSelect,
  selectionMode,
  lockedItems,
}: AddressBookPickerProps): ((value: PickerValue) => void) | undefined {
  if (!confirmOnSelect || selectionMode !== 'single' || !onConfirm) return onValueChange
  return (value) => {
    onValueChange?.(value)
    const picked = value.departments.length + value.users.length
    if (picked > (lockedItems?.length ?? 0)) onConfirm(value)
  }
}

/** The exact count's options from the props (see `countRecipients`). */
function useRecipientCountOptions({
  countRecipients,
  transport,
  select_role_list,
}: AddressBookPickerProps): RecipientCountOptions | undefined {
  const wanted = countRecipients ?? transport === undefined
  const given = typeof wanted === 'function' ? wanted : undefined
  const counter = useMemo(() => given ?? proxyRecipientCounter(), [given])
  return useMemo(
    () => (wanted ? { counter, role_ids: select_role_list } : undefined),
    [wanted, counter, select_role_list],
  )
}

interface MobileLayoutProps {
  onConfirm: ((value: PickerValue) => void) | undefined
  onCancel: (() => void) | undefined
  requireSelection: boolean | undefined
}

/** Search, breadcrumb, one level at a time, and a bar opening the selected panel as a sheet. */
function MobileLayout({ onConfirm, onCancel, requireSelection }: MobileLayoutProps) {
  const { picker, messages, classNames } = usePickerContext()
  const [sheetOpen, setSheetOpen] = useState(false)
  const { snapshot } = picker
  const { count } = usePickerCount()
  const sheetButton = (
    <button
      type="button"
      className="epp-sheet-toggle"
      aria-haspopup="dialog"
      aria-expanded={sheetOpen}
      onClick={() => setSheetOpen(true)}
    >
      {messages.showSelected(messages.countText(count))}
    </button>
  )
  return (
    <>
      <PickerSearch />
      {snapshot.mode === 'tree' ? <PickerBreadcrumb /> : null}
      <DrillList />
      <RefusalNotice />
      <PickerFooter
        className={partClass('mobileBar', classNames)}
        start={sheetButton}
        onConfirm={onConfirm}
        onCancel={onCancel}
        requireSelection={requireSelection}
      />
      <ModalDialog
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        aria-label={messages.selectedTitle}
        className={partClass('sheet', classNames)}
      >
        <SelectedPanel
          headerEnd={
            <button
              type="button"
              className="epp-icon-button"
              aria-label={messages.close}
              onClick={() => setSheetOpen(false)}
            >
              <CrossIcon />
            </button>
          }
        />
      </ModalDialog>
    </>
  )
}
