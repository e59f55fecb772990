import '@testing-library/jest-dom/vitest'
import { createMockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, Role, type SelectDepartmentsRequest } from '@epaas-picker/protocol'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SelectFetcher } from '../core/transport.js'
import { TestPicker, type TestPickerProps } from '../test/TestPicker.js'
import { childrenQueryOptions } from './pickerQueryOptions.js'
import type { UsePickerResult } from './usePicker.js'

const SELECT = '/campus/department/select'

function setup(props: Partial<TestPickerProps> = {}) {
  const mock = createMockEpaas({ dataset: 'small' })
  const client = createEpaasClient({
    baseUrl: 'http://mock.epaas',
    fetch: mock.fetch,
    token: mock.issueUserToken(),
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  let latest: UsePickerResult | undefined
  const wrap = (node: ReactNode) => (
    <QueryClientProvider client={queryClient}>{node}</QueryClientProvider>
  )
  const view = render(
    wrap(
      <TestPicker
        transport={client}
        is_show_root
        select_role_list={[Role.Student, Role.Teacher]}
        onRender={(picker) => (latest = picker)}
        {...props}
      />,
    ),
  )
  return {
    mock,
    client,
    queryClient,
    view,
    wrap,
    picker: () => latest as UsePickerResult,
  }
}

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const tree = () => screen.getByRole('tree')
const items = () => within(tree()).getAllByRole('treeitem')
const focusedName = () => document.activeElement?.getAttribute('aria-label')

describe('usePicker keyboard (WAI-ARIA tree view)', () => {
  it('handles every key of the pattern with roving focus', async () => {
    const user = userEvent.setup()
    const { mock } = setup()
    await waitFor(() => expect(items()[0]).toHaveAttribute('aria-level', '1'))
    const school = items()[0] as HTMLElement
    const schoolName = mock.data.organizations[0]?.name
    expect(school).toHaveAttribute('aria-label', schoolName)
    expect(school).toHaveAttribute('aria-expanded', 'false')
    expect(school).toHaveAttribute('aria-checked', 'false')
    expect(school).toHaveAttribute('aria-setsize', '1')
    expect(school).toHaveAttribute('aria-posinset', '1')
    expect(school).toHaveAttribute('tabindex', '0')

    // Tab lands on the one row with tabindex 0.
    await user.tab()
    await user.tab()
    expect(focusedName()).toBe(schoolName)

    // ArrowRight expands (aria-busy while loading), then moves to the first child.
    mock.faults.set({ latencyMs: 30 })
    await user.keyboard('{ArrowRight}')
    expect(items()[0]).toHaveAttribute('aria-expanded', 'true')
    expect(items()[0]).toHaveAttribute('aria-busy', 'true')
    expect(items()[1]).toHaveTextContent('loading')
    await waitFor(() => expect(items()[0]).not.toHaveAttribute('aria-busy'))
    mock.faults.reset()
    const groups = items().slice(1)
    expect(groups.length).toBeGreaterThan(1)
    groups.forEach((group, i) => {
      expect(group).toHaveAttribute('aria-level', '2')
      expect(group).toHaveAttribute('aria-posinset', String(i + 1))
      expect(group).toHaveAttribute('aria-setsize', String(groups.length))
    })
    await user.keyboard('{ArrowRight}')
    expect(focusedName()).toBe(groups[0]?.getAttribute('aria-label'))

    // ArrowDown / ArrowUp / End / Home.
    await user.keyboard('{ArrowDown}')
    expect(focusedName()).toBe(groups[1]?.getAttribute('aria-label'))
    expect(document.activeElement).toHaveAttribute('tabindex', '0')
    expect(groups[0]).toHaveAttribute('tabindex', '-1')
    await user.keyboard('{ArrowUp}')
    expect(focusedName()).toBe(groups[0]?.getAttribute('aria-label'))
    await user.keyboard('{End}')
    expect(focusedName()).toBe(groups.at(-1)?.getAttribute('aria-label'))
    await user.keyboard('{Home}')
    expect(focusedName()).toBe(schoolName)

    // Type-ahead: the first characters of a row's name move focus to it.
    const target = groups.at(-1)?.getAttribute('aria-label') as string
    await user.keyboard(target.slice(0, 2))
    expect(focusedName()).toBe(target)

    // ArrowLeft on a closed child moves to its parent.
    await user.keyboard('{ArrowLeft}')
    expect(focusedName()).toBe(schoolName)

    // '*' expands every sibling of the focused row.
    await user.keyboard('{ArrowDown}*')
    await waitFor(() => groups.forEach((g) => expect(g).toHaveAttribute('aria-expanded', 'true')))
    await waitFor(() => expect(within(tree()).queryByText('loading')).toBeNull())

    // Enter on a node with children collapses / expands it.
    await user.keyboard('{Enter}')
    expect(
      screen.getByRole('treeitem', { name: groups[0]?.getAttribute('aria-label') as string }),
    ).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard('{Enter}')
    expect(document.activeElement).toHaveAttribute('aria-expanded', 'true')

    // Space ticks the focused row; its descendants follow and the parent goes mixed.
    await user.keyboard(' ')
    expect(document.activeElement).toHaveAttribute('aria-checked', 'true')
    expect(items()[0]).toHaveAttribute('aria-checked', 'mixed')
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveAttribute('aria-checked', 'true')
    await user.keyboard(' ')
    expect(document.activeElement).toHaveAttribute('aria-checked', 'false')
    expect(items()[1]).toHaveAttribute('aria-checked', 'mixed')

    // ArrowLeft on an open node collapses it; focus stays.
    await user.keyboard('{Home}{ArrowLeft}')
    expect(items()).toHaveLength(1)
    expect(focusedName()).toBe(schoolName)
  })

  it('moves the tab stop out of a collapsed subtree to the collapsed row', async () => {
    const { picker } = setup()
    await waitFor(() => expect(items()).toHaveLength(1))
    act(() => picker().store.expand(picker().rows[0]?.key as string))
    await waitFor(() => expect(items().length).toBeGreaterThan(2))
    const second = items()[2] as HTMLElement
    act(() => second.focus())
    expect(picker().snapshot.focusedKey).toBe(second.getAttribute('data-key'))
    act(() => picker().store.collapse(picker().rows[0]?.key as string))
    expect(picker().snapshot.focusedKey).toBe(picker().rows[0]?.key)
  })

  it('focuses a row that a virtual list had not mounted, once scrolled to it', async () => {
    const user = userEvent.setup()
    const scrollToIndex = vi.fn()
    const { picker } = setup({ scrollToIndex, windowSize: 3 })
    await waitFor(() => expect(items()).toHaveLength(1))
    act(() => picker().store.expand(picker().rows[0]?.key as string))
    await waitFor(() => expect(picker().rows.length).toBeGreaterThan(3))
    expect(items()).toHaveLength(3)
    act(() => (items()[0] as HTMLElement).focus())
    await user.keyboard('{End}')
    const last = picker().rows.length - 1
    expect(scrollToIndex).toHaveBeenCalledWith(last)
    expect(document.activeElement).toHaveAttribute('data-key', picker().rows[last]?.key)
    expect(document.activeElement).toHaveAttribute('tabindex', '0')
  })

  it('merges caller handlers and lets them prevent ours', async () => {
    const user = userEvent.setup()
    const onKeyDown = vi.fn((event: KeyboardEvent) => {
      if (event.key === 'ArrowRight') event.preventDefault()
    })
    const { picker } = setup({ treeProps: { onKeyDown } as never })
    await waitFor(() => expect(items()).toHaveLength(1))
    ;(items()[0] as HTMLElement).focus()
    await user.keyboard('{ArrowRight}')
    expect(onKeyDown).toHaveBeenCalledTimes(1)
    expect(picker().snapshot.expandedKeys.size).toBe(0)
    await user.keyboard('{Enter}')
    expect(onKeyDown).toHaveBeenCalledTimes(2)
    expect(picker().snapshot.expandedKeys.size).toBe(1)
  })
})

describe('usePicker search', () => {
  it('sends nothing during IME composition and one request after it ends', async () => {
    const { mock, picker } = setup({ searchDebounceMs: 300 })
    await waitFor(() => expect(items()).toHaveLength(1))
    vi.useFakeTimers()
    const searches = () =>
      mock.requests.filter((r) => r.path === SELECT && (r.body as SelectDepartmentsRequest)?.key)
    const input = screen.getByRole('searchbox')
    const name = mock.data.users.find((u) => u.roles.includes(Role.Student))?.name as string
    const surname = name.slice(0, 1)

    fireEvent.compositionStart(input)
    fireEvent.change(input, { target: { value: 'z' } })
    fireEvent.change(input, { target: { value: 'zh' } })
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(searches()).toHaveLength(0)
    expect(picker().snapshot.search.composing).toBe(true)
    fireEvent.change(input, { target: { value: surname } })
    fireEvent.compositionEnd(input, { data: surname })
    await act(() => vi.advanceTimersByTimeAsync(299))
    expect(searches()).toHaveLength(0)
    await act(() => vi.advanceTimersByTimeAsync(1))
    expect(searches()).toHaveLength(1)
    expect(searches()[0]?.body).toMatchObject({
      key: surname,
      search_type: 0,
      select_role_list: [11, 12],
    })
    await act(() => vi.advanceTimersByTimeAsync(0))
    await vi.waitFor(() => expect(picker().snapshot.search.status).toBe('success'))
    expect(items().length).toBeGreaterThan(0)
    expect(picker().snapshot.search.results.every((r) => r.node.name.includes(surname))).toBe(true)
  })

  it('never lets a late answer to an older query replace a newer one', async () => {
    const mock = createMockEpaas({ dataset: 'small' })
    const client = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
    })
    const students = mock.data.users.filter((u) => u.roles.includes(Role.Student))
    const [older, newer] = [students[0]?.name as string, students[1]?.name as string]
    const signals: (AbortSignal | undefined)[] = []
    // A slow server that answers even after the request was aborted.
    const transport: SelectFetcher = async (request, { signal }) => {
      if (request.key === older) {
        signals.push(signal)
        await new Promise((resolve) => setTimeout(resolve, 1000))
      }
      return (await client.selectDepartments(request)).node_list
    }
    const { picker } = setup({ transport, searchDebounceMs: 100 })
    await waitFor(() => expect(items()).toHaveLength(1))
    vi.useFakeTimers()
    const input = screen.getByRole('searchbox')
    fireEvent.change(input, { target: { value: older } })
    await act(() => vi.advanceTimersByTimeAsync(100))
    fireEvent.change(input, { target: { value: newer } })
    await act(() => vi.advanceTimersByTimeAsync(100))
    expect(signals[0]?.aborted).toBe(true)
    await vi.waitFor(() => expect(picker().snapshot.search.status).toBe('success'))
    const shown = picker().snapshot.search.results.map((r) => r.node.name)
    expect(shown).toContain(newer)
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(picker().snapshot.search.results.map((r) => r.node.name)).toEqual(shown)
    expect(picker().snapshot.search.query).toBe(newer)
  })

  it('keeps ticks made in results, and clearing restores expanded rows and scroll offset', async () => {
    const user = userEvent.setup()
    const { mock, picker } = setup({ searchDebounceMs: 10, search_type: 3 })
    await waitFor(() => expect(items()).toHaveLength(1))
    act(() => picker().store.expand(picker().rows[0]?.key as string))
    await waitFor(() => expect(items().length).toBeGreaterThan(2))
    const before = picker().rows
    act(() => picker().store.setScrollOffset(240))

    // search_type 3: an exact phone number finds the person.
    const teacher = mock.data.users.find(
      (u) => u.roles.includes(Role.Teacher) && !u.disabled && !u.creator,
    )
    await user.type(screen.getByRole('searchbox'), teacher?.phone as string)
    await waitFor(() => expect(picker().snapshot.search.status).toBe('success'))
    const hit = screen.getByRole('treeitem', { name: teacher?.name })
    expect(hit).toHaveAttribute('aria-level', '1')
    expect(picker().snapshot.scrollOffset).toBe(0)
    await user.click(within(hit).getByTestId('checkbox'))
    expect(hit).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('status', { name: 'value' })).toHaveTextContent(`+${teacher?.name}`)

    await user.click(screen.getByRole('searchbox'))
    await user.keyboard('{Escape}')
    expect(screen.getByRole('searchbox')).toHaveValue('')
    expect(picker().snapshot.mode).toBe('tree')
    expect(picker().rows).toBe(before)
    expect(picker().snapshot.scrollOffset).toBe(240)
    expect(screen.getByRole('status', { name: 'value' })).toHaveTextContent(`+${teacher?.name}`)
  })
})

describe('usePicker with React Query', () => {
  it('shares one request per node between pickers and uses prefetched levels', async () => {
    const { mock, queryClient, client, wrap } = setup()
    await waitFor(() => expect(items()).toHaveLength(1))
    expect(mock.callCount(SELECT)).toBe(1)
    cleanup()

    // A prefetched level is not asked again; two pickers on one QueryClient share requests.
    await queryClient.prefetchQuery(
      childrenQueryOptions({
        node: null,
        transport: client,
        filters: { is_show_root: true, select_role_list: [11, 12] },
      }),
    )
    expect(mock.callCount(SELECT)).toBe(1)
    const pickers: UsePickerResult[] = []
    const props = {
      transport: client,
      is_show_root: true,
      select_role_list: [11, 12] as (11 | 12)[],
    }
    render(
      wrap(
        <>
          <TestPicker {...props} onRender={(p) => (pickers[0] = p)} />
          <TestPicker {...props} onRender={(p) => (pickers[1] = p)} />
        </>,
      ),
    )
    await waitFor(() => expect(screen.getAllByRole('tree')).toHaveLength(2))
    expect(mock.callCount(SELECT)).toBe(1)
    const rootKey = pickers[0]?.rows[0]?.key as string
    act(() => {
      pickers[0]?.store.expand(rootKey)
      pickers[1]?.store.expand(rootKey)
    })
    await waitFor(() =>
      pickers.forEach((p) => expect(p.snapshot.getLoadState(rootKey).status).toBe('success')),
    )
    expect(mock.callCount(SELECT)).toBe(2)
  })

  it('works controlled: value, expanded and searchValue come from the parent', async () => {
    const onValueChange = vi.fn()
    const onExpandedChange = vi.fn()
    const { picker, view, wrap, client } = setup({
      value: { departments: [], users: [], excluded: [] },
      onValueChange,
      expanded: [],
      onExpandedChange,
    })
    await waitFor(() => expect(items()).toHaveLength(1))
    const root = picker().rows[0]
    act(() => picker().store.expand(root?.key as string))
    expect(onExpandedChange).toHaveBeenLastCalledWith([root?.key])
    expect(items()).toHaveLength(1)
    act(() => void picker().store.toggle(root?.key as string))
    const proposed = onValueChange.mock.lastCall?.[0]
    expect(proposed.departments).toHaveLength(1)
    expect(items()[0]).toHaveAttribute('aria-checked', 'false')

    view.rerender(
      wrap(
        <TestPicker
          transport={client}
          is_show_root
          select_role_list={[Role.Student, Role.Teacher]}
          onRender={() => undefined}
          value={proposed}
          onValueChange={onValueChange}
          expanded={[root?.key as string]}
          onExpandedChange={onExpandedChange}
          searchValue=""
        />,
      ),
    )
    expect(items()[0]).toHaveAttribute('aria-checked', 'true')
    expect(items()[0]).toHaveAttribute('aria-expanded', 'true')
    await waitFor(() => expect(items().length).toBeGreaterThan(2))
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'x' } })
    expect(screen.getByRole('searchbox')).toHaveValue('')
  })
})

describe('usePicker load errors', () => {
  it('shows an error row for one failed level at once, even with a retrying QueryClient', async () => {
    const user = userEvent.setup()
    const mock = createMockEpaas({ dataset: 'small' })
    const client = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: mock.issueUserToken(),
    })
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 3 } } })
    let picker: UsePickerResult | undefined
    render(
      <QueryClientProvider client={queryClient}>
        <TestPicker transport={client} is_show_root onRender={(p) => (picker = p)} />
      </QueryClientProvider>,
    )
    await waitFor(() => expect(items()).toHaveLength(1))
    act(() => picker?.store.expand(picker.rows[0]?.key as string))
    await waitFor(() => expect(items().length).toBeGreaterThan(2))
    const group = items()[1] as HTMLElement
    mock.faults.set({ http502Rate: 1 })
    act(() => picker?.store.expand(group.getAttribute('data-key') as string))
    const retry = await screen.findByRole('button', { name: 'retry' }, { timeout: 500 })
    expect(items()).toContain(group)
    expect(items().filter((item) => item.textContent?.includes('error'))).toHaveLength(1)
    mock.faults.reset()
    await user.click(retry)
    await waitFor(() => expect(screen.queryByRole('button', { name: 'retry' })).toBeNull())
    expect(group).toHaveAttribute('aria-expanded', 'true')
    expect(items()[2]).toHaveAttribute('aria-level', '3')
  })
})
