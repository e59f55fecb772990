import {
  proxyRecipientCounter,
  type MatchListOptions,
  type PickerStore,
  type RecipientCounter,
  type RevealResult,
  type RevealTarget,
  type UsePickerOptions,
} from '@epaas-picker/headless'
import type { PickerValue } from '@epaas-picker/protocol'
import {
  forwardRef,
  lazy,
  Suspense,
  useImperativeHandle,
  useMemo,
  useRef,
  type CSSProperties,
  type ForwardedRef,
  type ReactNode,
} from 'react'
import { DesktopLayout, type LayoutParts } from './DesktopLayout.js'
import type { HistoryOptions } from './history/RecentPicks.js'
import { MobileLayout } from './MobileLayout.js'
import { PickerRoot, type PickerViewOptions } from './PickerRoot.js'
import type { RecipientCountOptions } from './RecipientCount.js'
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
  /**
   * Shows "批量添加" beside the search box: paste names and phone numbers, match them, add them as
   * one change (`true`, or `matchList`'s options: `concurrency`, default 4; `maxPasteTokens`,
   * default 500). Loaded on demand. Default `false`.
   */
  pasteList?: boolean | MatchListOptions
  /**
   * Recent picks (最近): recorded on confirm, shown above the tree and on a phone's first screen.
   * `true` keeps them in localStorage; `{ scope }` under the app's scope (the user's ID, say);
   * `{ adapter }` anywhere else; `max` (default 20). Loaded on demand. Default `false`.
   */
  history?: boolean | HistoryOptions
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
  /**
   * Records a value (default: the current one) as recent picks, for a picker without a confirm
   * button: a form calls it once sent. A picker with `onConfirm` records on confirm by itself.
   */
  recordRecent(value?: PickerValue): void
  /** The picker's store, for anything else. */
  readonly store: PickerStore
}

function AddressBookPickerView({
  handleRef,
  ...props
}: AddressBookPickerProps & { handleRef: ForwardedRef<AddressBookPickerHandle> }) {
  const { onCancel, requireSelection, hideSelectedPanel = false } = props
  // Recent picks record a confirmed value first (their section, loaded lazily, sets this).
  const recorderRef = useRef<((value: PickerValue) => void) | undefined>(undefined)
  const onConfirm =
    props.onConfirm &&
    ((value: PickerValue) => {
      recorderRef.current?.(value)
      props.onConfirm?.(value)
    })
  // The hook ignores the view's props, and the root the picker's options.
  const picker = useAddressBookPicker({
    ...props,
    onValueChange: useConfirmOnSelect({ ...props, onConfirm }),
  })
  const { store } = picker
  useImperativeHandle(
    handleRef,
    () => ({
      reveal: (target) => store.reveal(target),
      recordRecent: (value = store.getSnapshot().value) => recorderRef.current?.(value),
      store,
    }),
    [store],
  )
  const recipientCount = useRecipientCountOptions(props)
  const parts: LayoutParts = {
    onConfirm,
    onCancel,
    requireSelection,
    hideSelectedPanel,
    tools: props.pasteList ? (
      <LazyPart>
        <PasteList options={props.pasteList === true ? {} : props.pasteList} />
      </LazyPart>
    ) : null,
    recent: props.history ? (
      <LazyPart>
        <RecentPicks
          options={props.history === true ? {} : props.history}
          recorderRef={recorderRef}
        />
      </LazyPart>
    ) : null,
  }
  return (
    <PickerRoot {...props} picker={picker} recipientCount={recipientCount}>
      {(resolved) =>
        resolved === 'mobile' ? <MobileLayout {...parts} /> : <DesktopLayout {...parts} />
      }
    </PickerRoot>
  )
}

// Features not every app uses, in chunks of their own: an app without them ships none of them.
const PasteList = lazy(() => import('./paste/PasteList.js'))
const RecentPicks = lazy(() => import('./history/RecentPicks.js'))

/** A lazily loaded part: nothing until its chunk is there. */
function LazyPart({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>
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
