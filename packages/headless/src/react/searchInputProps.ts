/**
 * Props of the search box: its value, typing, IME composition (nothing is searched while a
 * composition is open), Escape to clear, ArrowDown into the list. The caller's ref is forwarded.
 */
import type { ChangeEvent, CompositionEvent, InputHTMLAttributes, KeyboardEvent, Ref } from 'react'
import type { PickerSnapshot } from '../core/PickerSnapshot.js'
import type { PickerStore } from '../core/PickerStore.js'
import type { FocusRegistry } from './FocusRegistry.js'
import { composeHandlers } from './mergeProps.js'

/** Props of an input, with a ref. */
export type SearchInputProps = InputHTMLAttributes<HTMLInputElement> & {
  ref?: Ref<HTMLInputElement>
}

/** What the search box's props need besides the caller's. */
export interface SearchInputContext {
  store: PickerStore
  focus: FocusRegistry
  /** The tree's ID, for `aria-controls`. */
  treeId: string
  /** Scrolls a row into view (the keyboard reached a row that is not mounted). */
  scrollToIndex: (index: number) => void
}

/** The search box's props for the snapshot being drawn, merged with the caller's. */
export function searchInputProps(
  { store, focus, treeId, scrollToIndex }: SearchInputContext,
  snapshot: PickerSnapshot,
  props: SearchInputProps,
): SearchInputProps {
  return {
    ...props,
    type: 'search',
    autoComplete: 'off',
    'aria-controls': treeId,
    value: snapshot.search.input,
    onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => {
      store.setSearchValue(event.target.value)
    }),
    onCompositionStart: composeHandlers(props.onCompositionStart, () => store.setComposing(true)),
    onCompositionEnd: composeHandlers(
      props.onCompositionEnd,
      (event: CompositionEvent<HTMLInputElement>) => {
        store.setComposing(false, event.currentTarget.value)
      },
    ),
    onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.nativeEvent.isComposing) return
      if (event.key === 'Escape' && store.getSnapshot().search.input) {
        event.preventDefault()
        store.setSearchValue('')
      } else if (event.key === 'Escape' && store.getSnapshot().refusal) {
        store.dismissRefusal()
      } else if (event.key === 'ArrowDown') {
        const current = store.getSnapshot()
        const key = current.focusedKey
        if (key === null) return
        event.preventDefault()
        if (focus.focusNow(key)) return
        focus.request(key)
        scrollToIndex(current.focusedIndex)
      }
    }),
  }
}
