/** Entry of the react-arborist page: react-arborist's `Tree` behind the benchmark harness. */
import { createRef } from 'react'
import { createRoot } from 'react-dom/client'
import { labelCss, peerKeyOfPath, searchKey } from '../page/peerRows.js'
import type { PickerAdapter } from '../page/PickerAdapter.js'
import { PICKER_HEIGHT, startBenchPage } from '../page/startBenchPage.js'
import {
  ARBORIST_ROW_HEIGHT,
  ArboristPicker,
  arboristCss,
  type ArboristPickerHandle,
} from './ArboristPicker.js'

const handle = createRef<ArboristPickerHandle>()

const rowOf = (key: string) => document.querySelector(`[data-key="${CSS.escape(key)}"]`)

const adapter: PickerAdapter = {
  name: 'arborist',
  rowHeight: ARBORIST_ROW_HEIGHT,
  mount(container, data) {
    const style = document.createElement('style')
    style.textContent = labelCss + arboristCss
    document.head.append(style)
    createRoot(container).render(
      <ArboristPicker data={data} height={PICKER_HEIGHT} handleRef={handle} />,
    )
  },
  row: (path) => rowOf(peerKeyOfPath(path)),
  expander: (path) => rowOf(peerKeyOfPath(path))?.querySelector('.arb-toggle') ?? null,
  checkbox: (path) => rowOf(peerKeyOfPath(path))?.querySelector('.arb-check') ?? null,
  checked(path) {
    const box = rowOf(peerKeyOfPath(path))?.querySelector<HTMLInputElement>('.arb-check')
    if (!box) return false
    return box.indeterminate ? 'mixed' : box.checked
  },
  searchBox: () => document.querySelector<HTMLInputElement>('#picker input[type=search]'),
  searchShown: (first) => rowOf(searchKey(first)) !== null,
  scroller: () => handle.current?.tree()?.listEl.current ?? null,
  scrollToOffset: (offset) => handle.current?.tree()?.scrollToOffset(offset),
  scrollToRow: (path) => handle.current?.tree()?.scrollTo(peerKeyOfPath(path), 'start'),
  preloadAll: (answers) => handle.current?.preloadAll(answers),
  expandAll: () => handle.current?.expandAll(),
  collapseAll: () => handle.current?.collapseAll(),
}

startBenchPage(adapter)
