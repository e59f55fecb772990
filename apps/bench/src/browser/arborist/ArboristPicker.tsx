/**
 * react-arborist's `Tree` as a picker, as its documentation suggests: controlled `data`, our own
 * node renderer (it has no checkboxes, so the rows render them), its virtualized list with a
 * fixed `rowHeight` and `height`, stable props so the tree is rebuilt only when the data changes.
 * Levels load when a row opens (the children set by an immutable update of the path to the
 * node); `openAll()` expands everything.
 *
 * Checks are what an app wanting speed would write: the keys ticked explicitly, plus for each row
 * the number of ticked rows below it. A row shows ticked when it or a row above it is ticked,
 * mixed when something below it is: a tick costs O(depth), nothing walks the descendants.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import {
  createContext,
  useCallback,
  useContext,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react'
import { flushSync } from 'react-dom'
import { Tree, type NodeApi, type NodeRendererProps, type TreeApi } from 'react-arborist'
import { loadChildren, searchRequestOf, type Answers, type BenchData } from '../page/benchData.js'
import type { CheckedState } from '../page/PickerAdapter.js'
import { NodeLabel, ancestorKeys, buildFromWalk, peerKey, searchKey } from '../page/peerRows.js'

/** A node of the tree's `data`. Departments have `children` (empty until loaded). */
export interface ArbNode {
  id: string
  node: SelectNode
  children?: ArbNode[]
  loaded?: boolean
  isSearchResult?: boolean
}

/** What the page's adapter calls on the mounted picker. */
export interface ArboristPickerHandle {
  tree(): TreeApi<ArbNode> | null
  preloadAll(answers: Answers): void
  expandAll(): void
  collapseAll(): void
}

/** Height of the search box above the tree. */
export const SEARCH_HEIGHT = 40
/** Row height, the same as the other pickers'. */
export const ARBORIST_ROW_HEIGHT = 32

interface Checks {
  ticked: ReadonlySet<string>
  /** Ticked rows below each row. */
  below: ReadonlyMap<string, number>
}

/** What a row shows for `key`. */
export function checkedStateOf(checks: Checks, key: string): CheckedState {
  if (checks.ticked.has(key)) return true
  for (const above of ancestorKeys(key)) if (checks.ticked.has(above)) return true
  return (checks.below.get(key) ?? 0) > 0 ? 'mixed' : false
}

function toggled(checks: Checks, key: string): Checks {
  const ticked = new Set(checks.ticked)
  const below = new Map(checks.below)
  const add = checkedStateOf(checks, key) !== true
  if (!add && !ticked.has(key)) return checks // ticked through a row above: left to that row
  if (add) ticked.add(key)
  else ticked.delete(key)
  for (const above of ancestorKeys(key)) below.set(above, (below.get(above) ?? 0) + (add ? 1 : -1))
  return { ticked, below }
}

interface RowActions {
  checks: Checks
  toggleCheck(key: string): void
  toggleOpen(node: NodeApi<ArbNode>): void
}

const RowContext = createContext<RowActions | null>(null)

function toArbNode(parentKey: string | null, node: SelectNode, children?: ArbNode[]): ArbNode {
  const id = peerKey(parentKey, node)
  if (!node.is_parent) return { id, node }
  return { id, node, children: children ?? [], loaded: children !== undefined }
}

/** Replaces the children of the node `key`, copying only the nodes on its path. */
function withChildren(list: ArbNode[], key: string, children: ArbNode[]): ArbNode[] {
  const segments = key.split('/')
  const update = (nodes: ArbNode[], depth: number): ArbNode[] => {
    const prefix = segments.slice(0, depth + 1).join('/')
    const index = nodes.findIndex((n) => n.id === prefix)
    const node = nodes[index]
    if (!node) return nodes
    const copy = nodes.slice()
    copy[index] =
      depth === segments.length - 1
        ? { ...node, children, loaded: true }
        : { ...node, children: update(node.children ?? [], depth + 1) }
    return copy
  }
  return update(list, 0)
}

function Row({ node, style }: NodeRendererProps<ArbNode>) {
  const actions = useContext(RowContext)
  if (!actions) throw new Error('Row outside the picker')
  const state = checkedStateOf(actions.checks, node.id)
  return (
    <div style={style} className="arb-row" data-key={node.id}>
      {node.isInternal ? (
        <button
          type="button"
          className="arb-toggle"
          aria-label={node.isOpen ? '收起' : '展开'}
          onClick={(event) => {
            event.stopPropagation()
            actions.toggleOpen(node)
          }}
        >
          {node.isOpen ? '▾' : '▸'}
        </button>
      ) : (
        <span className="arb-spacer" />
      )}
      <input
        type="checkbox"
        className="arb-check"
        checked={state === true}
        ref={(element) => {
          if (element) element.indeterminate = state === 'mixed'
        }}
        disabled={node.data.node.disabled}
        onClick={(event) => event.stopPropagation()}
        onChange={() => actions.toggleCheck(node.id)}
      />
      <NodeLabel node={node.data.node} showPath={node.data.isSearchResult === true} />
    </div>
  )
}

/** Styles of the rows. */
export const arboristCss = `
.arb-row { display: flex; align-items: center; gap: 4px; height: 100%; box-sizing: border-box; }
.arb-toggle { width: 20px; height: 20px; padding: 0; border: 0; background: none; cursor: pointer; }
.arb-spacer { width: 20px; }
.arb-check { margin: 0 4px; }
`

/** The react-arborist picker of the benchmark. */
export function ArboristPicker({
  data,
  height,
  handleRef,
}: {
  data: BenchData
  height: number
  handleRef: Ref<ArboristPickerHandle>
}) {
  const [nodes, setNodes] = useState<ArbNode[]>(() => data.top.map((n) => toArbNode(null, n)))
  const [checks, setChecks] = useState<Checks>({ ticked: new Set(), below: new Map() })
  const [search, setSearch] = useState('')
  const [results, setResults] = useState<ArbNode[] | null>(null)
  const treeRef = useRef<TreeApi<ArbNode> | null>(null)
  const walked = useRef<Answers | null>(null)

  const toggleCheck = useCallback((key: string) => setChecks((c) => toggled(c, key)), [])
  const toggleOpen = useCallback(
    (node: NodeApi<ArbNode>) => {
      node.toggle()
      if (!node.isOpen || node.data.loaded) return
      void loadChildren(data.client, node.data.node).then((children) =>
        setNodes((list) =>
          withChildren(
            list,
            node.id,
            children.map((child) => toArbNode(node.id, child)),
          ),
        ),
      )
    },
    [data.client],
  )
  const actions = useMemo(
    () => ({ checks, toggleCheck, toggleOpen }),
    [checks, toggleCheck, toggleOpen],
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
      setResults(node_list.map((node) => ({ id: searchKey(node), node, isSearchResult: true })))
    })
  }

  useImperativeHandle(
    handleRef,
    () => ({
      tree: () => treeRef.current,
      preloadAll: (answers) => {
        walked.current = answers
      },
      expandAll: () => {
        const answers = walked.current
        if (!answers) throw new Error('preloadAll first')
        walked.current = null
        const { roots } = buildFromWalk(answers, toArbNode)
        // The tree must hold the new nodes before it can open them.
        flushSync(() => setNodes(roots))
        treeRef.current?.openAll()
      },
      collapseAll: () => treeRef.current?.closeAll(),
    }),
    [],
  )

  return (
    <RowContext.Provider value={actions}>
      <div style={{ height: SEARCH_HEIGHT, padding: 4, boxSizing: 'border-box' }}>
        <input
          type="search"
          placeholder="搜索姓名"
          style={{ width: '100%', height: 30, boxSizing: 'border-box' }}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <Tree<ArbNode>
        ref={treeRef}
        data={results ?? nodes}
        openByDefault={false}
        rowHeight={ARBORIST_ROW_HEIGHT}
        height={height - SEARCH_HEIGHT}
        width="100%"
        indent={20}
        disableDrag
        disableDrop
        disableEdit
      >
        {Row}
      </Tree>
    </RowContext.Provider>
  )
}
