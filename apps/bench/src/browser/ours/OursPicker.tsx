/**
 * Our picker as an app drops it in, following `@epaas-picker/react`'s README: a QueryClient
 * above it, `<AddressBookPicker>` with the protocol client as `transport`, the filters of the
 * benchmark, and `expanded` controlled so that the app can expand everything. The search
 * debounce is turned off (`searchDebounceMs: 0`) because the peers have none: the figure is the
 * work between typing and results, not a deliberate wait.
 */
import { childrenQueryOptions } from '@epaas-picker/headless'
import { rowKeyOf } from '@epaas-picker/headless/core'
import type { SelectNode } from '@epaas-picker/protocol'
import { AddressBookPicker } from '@epaas-picker/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useImperativeHandle, useState, type Ref } from 'react'
import { benchFilters, type Answers, type BenchData } from '../page/benchData.js'

/** Row height, the same as the other pickers'. */
export const OURS_ROW_HEIGHT = 32

/** What the page's adapter calls on the mounted picker. */
export interface OursPickerHandle {
  preloadAll(answers: Answers): void
  expandAll(): void
  collapseAll(): void
}

/** Row keys of every node with children in the walk. */
function parentRowKeys(answers: Answers): string[] {
  const keys: string[] = []
  const level = (parentKey: string | null, parentId: string) => {
    for (const node of answers.get(parentId) ?? []) {
      if (!node.is_parent) continue
      const key = rowKeyOf(parentKey, node)
      keys.push(key)
      level(key, node.id)
    }
  }
  level(null, '0')
  return keys
}

/** The picker of the page, with its own QueryClient. */
export function OursPicker({
  data,
  height,
  queryClient,
  handleRef,
  layout = 'desktop',
}: {
  data: BenchData
  height: number
  /** `mobile`: the phone's drill-down list, with its own row height. */
  layout?: 'desktop' | 'mobile'
  queryClient: QueryClient
  handleRef: Ref<OursPickerHandle>
}) {
  const [expanded, setExpanded] = useState<string[]>([])
  const [allKeys, setAllKeys] = useState<string[] | null>(null)

  useImperativeHandle(
    handleRef,
    () => ({
      preloadAll(answers) {
        // The levels go in the QueryClient the picker reads, as an app would prefetch them.
        const nodes = new Map<string, SelectNode>()
        for (const list of answers.values()) for (const node of list) nodes.set(node.id, node)
        for (const [id, list] of answers) {
          const node = id === '0' ? null : (nodes.get(id) ?? null)
          const { queryKey } = childrenQueryOptions({
            node,
            filters: benchFilters,
            transport: data.client,
          })
          queryClient.setQueryData(queryKey, list)
        }
        setAllKeys(parentRowKeys(answers))
      },
      expandAll() {
        if (!allKeys) throw new Error('preloadAll first')
        setExpanded(allKeys)
      },
      collapseAll() {
        setExpanded([])
      },
    }),
    [allKeys, data.client, queryClient],
  )

  return (
    <AddressBookPicker
      {...benchFilters}
      transport={data.client}
      searchDebounceMs={0}
      expanded={expanded}
      onExpandedChange={setExpanded}
      layout={layout}
      {...(layout === 'desktop' ? { rowHeight: OURS_ROW_HEIGHT } : {})}
      style={{ height }}
    />
  )
}

/** Wraps the picker in its QueryClientProvider. */
export function OursApp(props: Omit<Parameters<typeof OursPicker>[0], 'queryClient'>) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <OursPicker {...props} queryClient={queryClient} />
    </QueryClientProvider>
  )
}
