import { useMemo, useRef, type CSSProperties, type ReactNode } from 'react'
import { partClass, type PickerClassNames } from './classNames.js'
import { PickerContext, type PickerContextValue, type PickerController } from './PickerContext.js'
import { resolveMessages, type PickerMessages } from './messages.js'
import { RecipientCountProvider, type RecipientCountOptions } from './RecipientCount.js'
import { useLayoutMode, type LayoutOption } from './useLayoutMode.js'

/** Options of the picker's look, shared by `PickerRoot` and `AddressBookPicker`. */
export interface PickerViewOptions {
  /**
   * Language: the texts of a locale. Default `zhCN`; `enUS` comes from
   * `@epaas-picker/react/locales/en-US`. Its `lang` is set on the root element.
   */
  locale?: PickerMessages
  /** Replaces any built-in text (see `PickerMessages`). */
  messages?: Partial<PickerMessages>
  /**
   * `desktop` (a tree), `mobile` (drill-down lists, a breadcrumb, 44 px touch targets, the
   * selected panel as a bottom sheet) or `auto`: mobile while the picker is narrower than
   * `mobileBreakpoint`. Default `'auto'`; the server renders the desktop shell.
   */
  layout?: LayoutOption
  /** Width (px) under which `layout: 'auto'` picks the mobile layout. Default 640. */
  mobileBreakpoint?: number
  /** Colour scheme: `light`, `dark`, or `auto` (follows `prefers-color-scheme`). Default `'light'`. */
  theme?: 'light' | 'dark' | 'auto'
  /** Row density of the desktop tree: `comfortable` (40 px rows) or `compact` (32 px). */
  density?: 'comfortable' | 'compact'
  /** Row height of the tree in px; overrides the density's (the mobile layout never goes under 44). */
  rowHeight?: number
  /** Shows member counts of departments when the server sends them (`need_users_total`). Default true. */
  showCounts?: boolean
  /** Extra class names by part (`root`, `row`, `chip`, ...). */
  classNames?: PickerClassNames
}

/** Props of {@link PickerRoot}. */
export interface PickerRootProps extends PickerViewOptions {
  /** The picker, from `useAddressBookPicker` (or `usePicker` of `@epaas-picker/headless`). */
  picker: PickerController
  /** The parts, or a function of the layout in use. */
  children: ReactNode | ((layout: PickerContextValue['layout']) => ReactNode)
  /** `id` of the root element. */
  id?: string
  /** Extra class of the root element. */
  className?: string
  /** Style of the root element (e.g. `{ height: 520 }`; the default height is 480 px). */
  style?: CSSProperties
  /**
   * Counts the selection exactly (the proxy's `resolve`) for the footer, the selected panel and
   * the mobile bar. Without it they show the tree's estimate.
   */
  recipientCount?: RecipientCountOptions | undefined
}

const DESKTOP_HEIGHT = { comfortable: 40, compact: 32 } as const
const MOBILE_HEIGHT = 52
const SEARCH_EXTRA = 18

/** A tree row's height in px: the option's, or the density's; never under 44 on a phone. */
function rowHeightOf(
  layout: PickerContextValue['layout'],
  density: 'comfortable' | 'compact',
  rowHeight: number | undefined,
): number {
  if (layout === 'mobile') return Math.max(44, rowHeight ?? MOBILE_HEIGHT)
  return rowHeight ?? DESKTOP_HEIGHT[density]
}

/**
 * The container of the picker's parts: theme, density and layout classes, texts and class
 * hooks, shared with every part below it through context.
 *
 * @example
 * <PickerRoot picker={picker} locale={enUS} theme="dark">
 *   <PickerSearch />
 *   <PickerTree />
 * </PickerRoot>
 */
// Mostly its props' defaults and the root element's attributes.
export function PickerRoot({
  picker,
  children,
  locale,
  messages,
  layout = 'auto',
  mobileBreakpoint = 640,
  theme = 'light',
  density = 'comfortable',
  rowHeight,
  showCounts = true,
  classNames,
  id,
  className,
  style,
  recipientCount,
}: PickerRootProps) {
  const ref = useRef<HTMLDivElement>(null)
  const resolvedLayout = useLayoutMode(ref, layout, mobileBreakpoint)
  const resolvedMessages = useMemo(() => resolveMessages(locale, messages), [locale, messages])
  const height = rowHeightOf(resolvedLayout, density, rowHeight)
  const context = useMemo<PickerContextValue>(
    () => ({
      picker,
      messages: resolvedMessages,
      classNames,
      layout: resolvedLayout,
      rowHeight: height,
      searchRowHeight: height + SEARCH_EXTRA,
      showCounts,
    }),
    [picker, resolvedMessages, classNames, resolvedLayout, height, showCounts],
  )
  const rootStyle = { '--epp-row-height': `${height}px`, ...style } as CSSProperties
  const parts = typeof children === 'function' ? children(resolvedLayout) : children
  return (
    <PickerContext.Provider value={context}>
      <div
        lang={resolvedMessages.lang}
        data-layout={resolvedLayout}
        data-selection={picker.snapshot.selectionMode}
        data-theme={theme}
        id={id}
        ref={ref}
        style={rootStyle}
        className={partClass(
          'root',
          classNames,
          `epp-theme-${theme}`,
          `epp-density-${density}`,
          `epp-layout-${resolvedLayout}`,
          className,
        )}
      >
        {recipientCount ? (
          <RecipientCountProvider options={recipientCount}>{parts}</RecipientCountProvider>
        ) : (
          parts
        )}
      </div>
    </PickerContext.Provider>
  )
}
