/** Entry of our page: `<AddressBookPicker>` behind the benchmark harness. */
import '@epaas-picker/react/styles.css'
import { rowKeyOf } from '@epaas-picker/headless/core'
import { createRef } from 'react'
import { createRoot } from 'react-dom/client'
import type { NodePath } from '../page/benchData.js'
import type { PickerAdapter } from '../page/PickerAdapter.js'
import { PICKER_HEIGHT, startBenchPage } from '../page/startBenchPage.js'
import { OURS_ROW_HEIGHT, OursApp, type OursPickerHandle } from './OursPicker.js'

const handle = createRef<OursPickerHandle>()

function keyOf(path: NodePath): string {
  let key: string | null = null
  for (const node of path) key = rowKeyOf(key, node)
  if (key === null) throw new Error('empty path')
  return key
}

const rowOf = (path: NodePath) =>
  document.querySelector(`.epp-row[data-key="${CSS.escape(keyOf(path))}"]`)
const scroller = () => document.querySelector<HTMLElement>('.epp-tree')

const adapter: PickerAdapter = {
  name: 'ours',
  rowHeight: OURS_ROW_HEIGHT,
  mount(container, data) {
    createRoot(container).render(<OursApp data={data} height={PICKER_HEIGHT} handleRef={handle} />)
  },
  row: rowOf,
  expander: (path) => rowOf(path)?.querySelector('.epp-expander') ?? null,
  checkbox: (path) => rowOf(path)?.querySelector('.epp-checkbox') ?? null,
  checked(path) {
    const state = rowOf(path)?.getAttribute('aria-checked')
    return state === 'mixed' ? 'mixed' : state === 'true'
  },
  searchBox: () => document.querySelector<HTMLInputElement>('.epp-search-input'),
  searchShown: (first) =>
    document.querySelector('.epp-row--result')?.textContent?.includes(first.name) ?? false,
  scroller,
  // react-window's list is a native scroll container: its own API is the element's scrollTop.
  scrollToOffset(offset) {
    const element = scroller()
    if (element) element.scrollTop = offset
  },
  scrollToRow(_path, index) {
    const element = scroller()
    if (element) element.scrollTop = index * OURS_ROW_HEIGHT
  },
  preloadAll: (answers) => handle.current?.preloadAll(answers),
  expandAll: () => handle.current?.expandAll(),
  collapseAll: () => handle.current?.collapseAll(),
}

startBenchPage(adapter)
