/**
 * antd's `Tree` as a picker, set up as its documentation recommends for large trees: `treeData`,
 * `checkable`, virtual scrolling (`virtual` with a fixed `height`), lazy levels through
 * `loadData` (children set by an immutable update of the path to the node), controlled
 * `expandedKeys`, checks left to the Tree (with its parent/child conduction). Search asks the
 * server (through the same client) and shows the results as a flat list in the same Tree.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { ConfigProvider, Input, Tree, type TreeDataNode } from 'antd'
import type { ComponentRef, Key } from 'react'
import { useCallback, useImperativeHandle, useRef, useState, type Ref } from 'react'
import { loadChildren, searchRequestOf, type Answers, type BenchData } from '../page/benchData.js'
import { NodeLabel, buildFromWalk, peerKey, searchKey } from '../page/peerRows.js'

/** A node of antd's `treeData`, carrying the ePaaS node it shows. */
export interface AntNode extends TreeDataNode {
  key: string
  node: SelectNode
  isSearchResult?: boolean
  children?: AntNode[]
}

/** What the page's adapter calls on the mounted picker. */
export interface AntdPickerHandle {
  scrollTo(arg: number | { key: string; align: 'top' }): void
  preloadAll(answers: Answers): void
  expandAll(): void
  collapseAll(): void
}

/** Height of the search box above the tree. */
export const SEARCH_HEIGHT = 40
/** Row height: antd's `itemHeight` is the title height plus 4 px. */
export const ANTD_ROW_HEIGHT = 32

function toAntNode(parentKey: string | null, node: SelectNode, children?: AntNode[]): AntNode {
  return {
    key: peerKey(parentKey, node),
    title: node.name,
    isLeaf: !node.is_parent,
    disableCheckbox: node.disabled,
    node,
    ...(children ? { children } : {}),
  }
}

/** Replaces the children of the node at `key`, copying only the nodes on its path. */
function withChildren(list: AntNode[], key: string, children: AntNode[]): AntNode[] {
  const segments = key.split('/')
  const update = (nodes: AntNode[], depth: number): AntNode[] => {
    const prefix = segments.slice(0, depth + 1).join('/')
    const index = nodes.findIndex((n) => n.key === prefix)
    const node = nodes[index]
    if (!node) return nodes
    const copy = nodes.slice()
    copy[index] =
      depth === segments.length - 1
        ? { ...node, children }
        : { ...node, children: update(node.children ?? [], depth + 1) }
    return copy
  }
  return update(list, 0)
}

const titleRender = (data: AntNode) => (
  <span data-key={data.key}>
    <NodeLabel node={data.node} showPath={data.isSearchResult === true} />
  </span>
)

const theme = { components: { Tree: { titleHeight: ANTD_ROW_HEIGHT - 4 } } }

/** The antd picker of the benchmark. */
export function AntdPicker({
  data,
  height,
  handleRef,
}: {
  data: BenchData
  height: number
  handleRef: Ref<AntdPickerHandle>
}) {
  const [treeData, setTreeData] = useState<AntNode[]>(() =>
    data.top.map((node) => toAntNode(null, node)),
  )
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([])
  const [search, setSearch] = useState('')
  const [results, setResults] = useState<AntNode[] | null>(null)
  const treeRef = useRef<ComponentRef<typeof Tree>>(null)
  const walked = useRef<Answers | null>(null)
  const checked = useRef<Key[]>([])

  const loadData = useCallback(
    async (target: AntNode) => {
      // As antd's example: a node whose children are there is loaded already.
      if (target.children) return
      const children = await loadChildren(data.client, target.node)
      setTreeData((list) =>
        withChildren(
          list,
          target.key,
          children.map((child) => toAntNode(target.key, child)),
        ),
      )
    },
    [data.client],
  )

  // Search asks the server on every change; an answer to an older text is dropped.
  const searchSeq = useRef(0)
  const onSearch = (text: string) => {
    setSearch(text)
    const seq = ++searchSeq.current
    if (!text) {
      setResults(null)
      return
    }
    void data.client.selectDepartments(searchRequestOf(text)).then(({ node_list }) => {
      if (seq !== searchSeq.current) return
      setResults(
        node_list.map((node) => ({
          key: searchKey(node),
          title: node.name,
          isLeaf: true,
          disableCheckbox: node.disabled,
          node,
          isSearchResult: true,
        })),
      )
    })
  }

  useImperativeHandle(
    handleRef,
    () => ({
      scrollTo: (arg) => treeRef.current?.scrollTo(arg),
      preloadAll: (answers) => {
        walked.current = answers
      },
      expandAll: () => {
        const answers = walked.current
        if (!answers) throw new Error('preloadAll first')
        const { roots, parentKeys } = buildFromWalk(answers, toAntNode)
        setTreeData(roots)
        setExpandedKeys(parentKeys)
        walked.current = null
      },
      collapseAll: () => setExpandedKeys([]),
    }),
    [],
  )

  return (
    <ConfigProvider theme={theme}>
      <div style={{ height: SEARCH_HEIGHT, padding: 4, boxSizing: 'border-box' }}>
        <Input
          placeholder="搜索姓名"
          allowClear
          value={search}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <Tree<AntNode>
        ref={treeRef}
        checkable
        virtual
        height={height - SEARCH_HEIGHT}
        treeData={results ?? treeData}
        expandedKeys={results ? [] : expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys)}
        loadData={loadData}
        onCheck={(keys) => {
          checked.current = Array.isArray(keys) ? keys : keys.checked
        }}
        titleRender={titleRender}
      />
    </ConfigProvider>
  )
}
