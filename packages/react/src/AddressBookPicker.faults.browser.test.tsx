/**
 * The picker in Chromium under the mock's fault switches: latency spikes, bursts of errcode -1,
 * 502s, hanging answers, malformed JSON and a token revoked mid-session. Each failure shows an
 * error with a retry under the node (or search) that failed, the rest of the tree stays, retrying
 * recovers, and the selection is never lost or changed by a failure: `onValueChange` is not
 * called, every ticked row stays ticked, and ticks made while a load fails are kept.
 */
import { createMockEpaas, type FaultSettings, type MockEpaas } from '@epaas-picker/mock-server'
import { createEpaasClient, Role, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { StrictMode } from 'react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AddressBookPicker } from './AddressBookPicker.js'
import './styles.css'
import { WithQueryClient } from './test/WithQueryClient.js'

afterEach(cleanup)

/**
 * The upstream timeout of the page's client: a hanging answer fails after this. It applies to
 * every answer, so it leaves room for a healthy one on a busy core (800 ms did not).
 */
const TIMEOUT_MS = 2000
const SCHOOL = ['深圳市南山区第一实验学校', '学生', '本部', '一年级']

/**
 * The picker on the mock's real handler. The transport sends the session's current token, as the
 * proxy does with `getUserToken`; `session.token` changes when the user signs in again.
 */
function setup() {
  const mock = createMockEpaas({ dataset: 'small' })
  const session = { token: mock.issueUserToken() }
  const onValueChange = vi.fn<(value: PickerValue) => void>()
  const transport = async (
    request: Parameters<ReturnType<typeof createEpaasClient>['selectDepartments']>[0],
    { signal }: { signal?: AbortSignal },
  ) => {
    const client = createEpaasClient({
      baseUrl: 'http://mock.epaas',
      fetch: mock.fetch,
      token: session.token,
      timeoutMs: TIMEOUT_MS,
    })
    return (await client.selectDepartments(request, signal ? { signal } : {})).node_list
  }
  render(
    <StrictMode>
      <WithQueryClient>
        <AddressBookPicker
          transport={transport}
          onValueChange={onValueChange}
          is_show_root
          need_users_total
          select_role_list={[Role.Student, Role.Teacher, Role.Parent]}
          searchDebounceMs={50}
          layout="desktop"
          // Tall enough that class 1 (82 people) and class 2 are both rendered at once.
          style={{ height: 4400, width: 800 }}
        />
      </WithQueryClient>
    </StrictMode>,
  )
  return { mock, session, onValueChange }
}

const tree = () => screen.getByRole('tree')
const escape = (text: string) => text.replace(/[()]/g, '\\$&')
const row = (name: string, timeout = TIMEOUT_MS * 4) =>
  within(tree()).findByRole('treeitem', { name: new RegExp(`^${escape(name)}(,|$)`) }, { timeout })
const rowsUnder = (key: string) =>
  within(tree())
    .queryAllByRole('treeitem')
    .filter((el) => el.dataset.key?.startsWith(`${key}/`) && !el.dataset.key.includes('#'))
/** Who a row shows: its key's last part without the child a parent is listed for. */
const personOf = (el: HTMLElement) =>
  el.dataset.key!.split('/').at(-1)!.split('.').slice(0, 2).join('.')
const checkedStates = (elements: HTMLElement[]) =>
  elements.map((el) => `${el.dataset.key}=${el.getAttribute('aria-checked')}`)

async function open(name: string) {
  const item = await row(name)
  await userEvent.click(item)
  await waitFor(() => expect(item).toHaveAttribute('aria-expanded', 'true'))
  await waitFor(() => expect(item).not.toHaveAttribute('aria-busy'), { timeout: TIMEOUT_MS * 4 })
  return item
}

async function tick(item: HTMLElement) {
  await userEvent.click(item.querySelector<HTMLElement>('.epp-checkbox')!)
}

/**
 * Opens class 1, ticks it and unticks one of its students: the selection every scenario starts
 * from. Answers class 1's row key, the rows under it, and the value.
 */
async function selectSomething(onValueChange: ReturnType<typeof setup>['onValueChange']) {
  for (const name of SCHOOL) await open(name)
  const klass = await open('一年级(1)班')
  await tick(klass)
  await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'true'))
  const key = klass.dataset.key!
  const student = rowsUnder(key).find((el) => /, 学生/.test(el.getAttribute('aria-label')!))!
  await userEvent.click(student)
  await waitFor(() => expect(student).toHaveAttribute('aria-checked', 'false'))
  await waitFor(() => expect(klass).toHaveAttribute('aria-checked', 'mixed'))
  const value = onValueChange.mock.lastCall![0]
  expect(value.departments).toHaveLength(1)
  expect(value.excluded).toHaveLength(1)
  return { key, value: structuredClone(value), states: checkedStates(rowsUnder(key)) }
}

/** Expands class 2 under `faults`: an error row with a retry stands under it, nothing else moves. */
async function failExpansion(mock: MockEpaas, faults: Partial<FaultSettings>) {
  mock.faults.set(faults)
  const klass = await row('一年级(2)班')
  await userEvent.click(klass)
  const key = klass.dataset.key!
  const error = await waitFor(
    () => {
      const status = tree().querySelector<HTMLElement>(`[data-key="${key}#status"]`)
      expect(status).toHaveClass('epp-status-row--error')
      return status!
    },
    { timeout: TIMEOUT_MS * 4 },
  )
  // Per node: the error stands one level under the class that failed, right after it.
  expect(error.getAttribute('aria-level')).toBe(
    String(Number(klass.getAttribute('aria-level')) + 1),
  )
  expect(within(error).getByText('加载失败')).toBeVisible()
  return { klass, key, retry: within(error).getByRole('button', { name: '重试' }) }
}

/** Retries after the fault cleared: class 2's people appear. */
async function recover(mock: MockEpaas, retry: HTMLElement, key: string) {
  mock.faults.reset()
  await userEvent.click(retry)
  await waitFor(() => expect(rowsUnder(key).length).toBeGreaterThan(0), { timeout: TIMEOUT_MS * 4 })
  expect(tree().querySelector(`[data-key="${key}#status"]`)).toBeNull()
}

/** The selection is exactly as before: no call, the same value, the same ticks on screen. */
function expectSelectionKept(
  onValueChange: ReturnType<typeof setup>['onValueChange'],
  calls: number,
  before: Awaited<ReturnType<typeof selectSomething>>,
) {
  expect(onValueChange).toHaveBeenCalledTimes(calls)
  expect(onValueChange.mock.lastCall![0]).toEqual(before.value)
  expect(checkedStates(rowsUnder(before.key))).toEqual(before.states)
}

const failures: [string, Partial<FaultSettings>][] = [
  ['a burst of errcode -1', { busyRate: 1 }],
  ['502s', { http502Rate: 1 }],
  ['a hanging answer', { hangRate: 1 }],
  ['malformed JSON', { malformedRate: 1 }],
]

// Each test waits for several timeouts and recoveries: 60 s leaves room for one busy core.
describe('AddressBookPicker under faults, in Chromium', { timeout: 60_000 }, () => {
  for (const [name, faults] of failures) {
    it(`${name}: an error with a retry under the node, recovery, the selection kept`, async () => {
      const { mock, onValueChange } = setup()
      const before = await selectSomething(onValueChange)
      const calls = onValueChange.mock.calls.length

      const { retry, key } = await failExpansion(mock, faults)
      expectSelectionKept(onValueChange, calls, before)

      await recover(mock, retry, key)
      // Class 2's people arrive unticked, but for those ticked in class 1 too (a person's rows
      // all show the person); class 1 is as it was.
      const tickedInClass1 = new Set(
        rowsUnder(before.key)
          .filter((el) => el.getAttribute('aria-checked') === 'true')
          .map(personOf),
      )
      for (const el of rowsUnder(key)) {
        expect(el.getAttribute('aria-checked')).toBe(String(tickedInClass1.has(personOf(el))))
      }
      expectSelectionKept(onValueChange, calls, before)
    })
  }

  it('a latency spike: a loading row while it waits, then the children; the selection kept', async () => {
    const { mock, onValueChange } = setup()
    const before = await selectSomething(onValueChange)
    const calls = onValueChange.mock.calls.length
    mock.faults.set({ latencyMs: TIMEOUT_MS / 2, latencyJitterMs: TIMEOUT_MS / 4 })
    const klass = await row('一年级(2)班')
    await userEvent.click(klass)
    const key = klass.dataset.key!
    await waitFor(() =>
      expect(tree().querySelector(`[data-key="${key}#status"]`)).toHaveClass(
        'epp-status-row--loading',
      ),
    )
    expect(klass).toHaveAttribute('aria-busy', 'true')
    await waitFor(() => expect(rowsUnder(key).length).toBeGreaterThan(0), {
      timeout: TIMEOUT_MS * 4,
    })
    expectSelectionKept(onValueChange, calls, before)
  })

  it('a token revoked mid-session: an error under the node; after signing in again, retry recovers', async () => {
    const { mock, session, onValueChange } = setup()
    const before = await selectSomething(onValueChange)
    const calls = onValueChange.mock.calls.length
    mock.revokeToken(session.token)

    const { retry, key } = await failExpansion(mock, {})
    expectSelectionKept(onValueChange, calls, before)

    session.token = mock.issueUserToken()
    await recover(mock, retry, key)
    expectSelectionKept(onValueChange, calls, before)
  })

  it('ticks made while a load hangs and fails are kept, and nothing else changes', async () => {
    const { mock, onValueChange } = setup()
    const before = await selectSomething(onValueChange)
    mock.faults.set({ hangRate: 1 })
    const klass2 = await row('一年级(2)班')
    await userEvent.click(klass2)
    // While class 2 hangs, untick another student of class 1.
    const other = rowsUnder(before.key).filter(
      (el) =>
        /, 学生/.test(el.getAttribute('aria-label')!) && el.getAttribute('aria-checked') === 'true',
    )[0]!
    await userEvent.click(other)
    await waitFor(() => expect(other).toHaveAttribute('aria-checked', 'false'))
    const during = structuredClone(onValueChange.mock.lastCall![0])
    expect(during.excluded).toHaveLength(2)
    const calls = onValueChange.mock.calls.length

    await waitFor(
      () =>
        expect(tree().querySelector(`[data-key="${klass2.dataset.key}#status"]`)).toHaveClass(
          'epp-status-row--error',
        ),
      { timeout: TIMEOUT_MS * 4 },
    )
    expect(onValueChange).toHaveBeenCalledTimes(calls)
    expect(onValueChange.mock.lastCall![0]).toEqual(during)
    expect(other).toHaveAttribute('aria-checked', 'false')
  })

  it('a failing search shows an error with a retry, recovers, and clearing it gives the tree back', async () => {
    const { mock, onValueChange } = setup()
    const before = await selectSomething(onValueChange)
    const calls = onValueChange.mock.calls.length
    mock.faults.set({ busyRate: 1 })
    await userEvent.click(screen.getByRole('searchbox'))
    await userEvent.keyboard('一年级')
    const retry = await within(tree()).findByRole(
      'button',
      { name: '重试' },
      { timeout: TIMEOUT_MS * 4 },
    )
    mock.faults.reset()
    await userEvent.click(retry)
    await within(tree()).findAllByRole(
      'treeitem',
      { name: /^一年级\(1\)班, / },
      { timeout: TIMEOUT_MS * 4 },
    )
    await userEvent.click(screen.getByRole('searchbox'))
    await userEvent.keyboard('{Escape}')
    await row('一年级(1)班')
    expectSelectionKept(onValueChange, calls, before)
  })
})
