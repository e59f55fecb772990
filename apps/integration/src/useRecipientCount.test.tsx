/**
 * `useRecipientCount` against the proxy's real `resolve` on the mock: counts once the selection
 * rests, sends nothing for an empty one, cancels the request of a selection that changed.
 */
import {
  proxyRecipientCounter,
  useRecipientCount,
  type RecipientCounter,
  type RecipientCountState,
} from '@epaas-picker/headless'
import type { NodeRow } from '@epaas-picker/headless/core'
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { pickerOnMock } from './harness/pickerOnMock.js'

afterEach(cleanup)

/** Two values from the picker: class 1 ticked, then class 2 ticked too. */
async function twoValues() {
  const h = pickerOnMock({ dataset: 'small' }, { is_show_root: true })
  for (const name of ['深圳市南山区第一实验学校', '学生', '本部', '一年级']) {
    await h.settle()
    const row = h.store
      .getSnapshot()
      .treeRows.find((r) => r.kind === 'node' && r.node.name === name)
    h.store.expand(row!.key)
  }
  await h.settle()
  const named = (name: string) =>
    h.store
      .getSnapshot()
      .treeRows.find((r): r is NodeRow => r.kind === 'node' && r.node.name === name)!
  h.store.toggle(named('一年级(1)班'), true)
  const first = h.store.getSnapshot().value
  h.store.toggle(named('一年级(2)班'), true)
  const second = h.store.getSnapshot().value
  return { h, first, second }
}

function Count(props: {
  value: PickerValue
  counter: RecipientCounter
  onState: (s: RecipientCountState) => void
}) {
  const state = useRecipientCount({
    value: props.value,
    counter: props.counter,
    role_ids: [Role.Student],
    debounceMs: 20,
  })
  props.onState(state)
  return null
}

describe('useRecipientCount', () => {
  it('counts the value at rest, as a full resolve does, and cancels a count gone stale', async () => {
    const { h, first, second } = await twoValues()
    const asked: { value: PickerValue; signal: AbortSignal }[] = []
    const proxyCount = proxyRecipientCounter({ fetch: h.proxyFetch })
    const counter: RecipientCounter = (request, options) => {
      asked.push({ value: request.value, signal: options.signal })
      return proxyCount(request, options)
    }
    const queryClient = new QueryClient()
    let state = { status: 'empty' } as RecipientCountState
    const totalOf = () => (state.status === 'success' ? state.count.total : undefined)
    const view = (value: PickerValue) => (
      <QueryClientProvider client={queryClient}>
        <Count value={value} counter={counter} onState={(s) => (state = s)} />
      </QueryClientProvider>
    )
    const empty = { departments: [], users: [], excluded: [] }
    const { rerender } = render(view(empty))
    expect(state.status).toBe('empty')

    rerender(view(first))
    expect(state.status).toBe('loading')
    await waitFor(() => expect(state.status).toBe('success'))
    const full = await h.proxy.client.resolveAll(
      { value: first, role_ids: [Role.Student] },
      { userToken: h.token },
    )
    expect(totalOf()).toBe(full.recipients.length)

    // A new value while the count of the old one runs: the old request is given up.
    h.mock.faults.set({ latencyMs: 200 })
    rerender(view(second))
    await waitFor(() => expect(asked).toHaveLength(2))
    rerender(view(first))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(asked[1]!.signal.aborted).toBe(true)
    await waitFor(() => expect(state.status).toBe('success'))
    expect(totalOf()).toBe(full.recipients.length)
    queryClient.clear()
  })
})
