/** Entry of the antd page: antd's `Tree` behind the benchmark harness. */
import { createRoot } from 'react-dom/client'
import { createRef } from 'react'
import { peerKeyOfPath, searchKey, labelCss } from '../page/peerRows.js'
import type { PickerAdapter } from '../page/PickerAdapter.js'
import { PICKER_HEIGHT, startBenchPage } from '../page/startBenchPage.js'
import { ANTD_ROW_HEIGHT, AntdPicker, type AntdPickerHandle } from './AntdPicker.js'

const handle = createRef<AntdPickerHandle>()

const rowOf = (key: string) =>
  document.querySelector(`[data-key="${CSS.escape(key)}"]`)?.closest('.ant-tree-treenode') ?? null

const adapter: PickerAdapter = {
  name: 'antd',
  rowHeight: ANTD_ROW_HEIGHT,
  mount(container, data) {
    const style = document.createElement('style')
    style.textContent = labelCss
    document.head.append(style)
    createRoot(container).render(
      <AntdPicker data={data} height={PICKER_HEIGHT} handleRef={handle} />,
    )
  },
  row: (path) => rowOf(peerKeyOfPath(path)),
  expander: (path) => rowOf(peerKeyOfPath(path))?.querySelector('.ant-tree-switcher') ?? null,
  checkbox: (path) => rowOf(peerKeyOfPath(path))?.querySelector('.ant-tree-checkbox') ?? null,
  checked(path) {
    const box = rowOf(peerKeyOfPath(path))?.querySelector('.ant-tree-checkbox')
    if (box?.classList.contains('ant-tree-checkbox-checked')) return true
    if (box?.classList.contains('ant-tree-checkbox-indeterminate')) return 'mixed'
    return false
  },
  searchBox: () => document.querySelector<HTMLInputElement>('#picker input'),
  searchShown: (first) => rowOf(searchKey(first)) !== null,
  scroller: () => document.querySelector<HTMLElement>('.ant-tree-list-holder'),
  scrollToOffset: (offset) => handle.current?.scrollTo(offset),
  scrollToRow: (path) => handle.current?.scrollTo({ key: peerKeyOfPath(path), align: 'top' }),
  preloadAll: (answers) => handle.current?.preloadAll(answers),
  expandAll: () => handle.current?.expandAll(),
  collapseAll: () => handle.current?.collapseAll(),
}

startBenchPage(adapter)
