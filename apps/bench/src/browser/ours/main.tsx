/**
 * Entry of our page: `<AddressBookPicker>` behind the benchmark harness. With `?layout=mobile`
 * the page is the phone run: the mobile layout's drill-down list in a phone-sized box.
 */
import '@epaas-picker/react/styles.css'
import { rowKeyOf } from '@epaas-picker/headless/core'
import { createRef } from 'react'
import { createRoot } from 'react-dom/client'
import type { BenchData, NodePath } from '../page/benchData.js'
import type { PickerAdapter } from '../page/PickerAdapter.js'
import { PICKER_HEIGHT, startBenchPage } from '../page/startBenchPage.js'
import { OURS_ROW_HEIGHT, OursApp, type OursPickerHandle } from './OursPicker.js'

const handle = createRef<OursPickerHandle>()
const phone = new URLSearchParams(location.search).get('layout') === 'mobile'
/** The phone's box: a 390 x 844 viewport less the harness's 40 px toolbar. */
const PHONE_BOX = { width: 390, height: 760 }

function keyOf(path: NodePath): string {
  let key: string | null = null
  for (const node of path) key = rowKeyOf(key, node)
  if (key === null) throw new Error('empty path')
  return key
}

const rowSelector = phone ? '.epp-drill-row' : '.epp-row'
const rowOf = (path: NodePath) =>
  document.querySelector(`${rowSelector}[data-key="${CSS.escape(keyOf(path))}"]`)
const scroller = () => document.querySelector<HTMLElement>(phone ? '.epp-drill-list' : '.epp-tree')
let data: BenchData | undefined

const adapter: PickerAdapter = {
  name: 'ours',
  rowHeight: OURS_ROW_HEIGHT,
  ...(phone ? { box: PHONE_BOX } : {}),
  mount(container, benchData) {
    data = benchData
    const height = phone ? PHONE_BOX.height : PICKER_HEIGHT
    createRoot(container).render(
      <OursApp
        data={benchData}
        height={height}
        handleRef={handle}
        layout={phone ? 'mobile' : 'desktop'}
      />,
    )
  },
  row: rowOf,
  // On the phone a department opens its level with its own button; a tree row has an expander.
  expander: (path) =>
    rowOf(path)?.querySelector(phone ? '.epp-drill-open' : '.epp-expander') ?? null,
  checkbox: (path) => rowOf(path)?.querySelector('.epp-checkbox') ?? null,
  checked(path) {
    const element = phone ? rowOf(path)?.querySelector('.epp-checkbox') : rowOf(path)
    const state = element?.getAttribute('aria-checked')
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
  scrollToRow(path, index) {
    const element = scroller()
    if (!element) return
    if (!phone) {
      element.scrollTop = index * OURS_ROW_HEIGHT
      return
    }
    // The phone shows one level: the row's place among its siblings, at the rows' own height.
    const parentId = path.at(-2)?.id ?? '0'
    const siblings = data?.children.get(parentId) ?? data?.top ?? []
    const at = siblings.findIndex((node) => node.id === path.at(-1)?.id)
    const rowHeight = element.querySelector<HTMLElement>('.epp-drill-row')?.offsetHeight ?? 0
    element.scrollTop = Math.max(0, at) * rowHeight
  },
  preloadAll: (answers) => handle.current?.preloadAll(answers),
  expandAll: () => handle.current?.expandAll(),
  collapseAll: () => handle.current?.collapseAll(),
}

startBenchPage(adapter)
