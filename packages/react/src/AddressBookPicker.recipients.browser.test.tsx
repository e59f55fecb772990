/**
 * One person in many places ticks together, in the styled picker in Chromium: a parent of two
 * children in two classes, ticked on their own, then a class of one child ticked and unticked.
 * The person's rows, the search results (desktop and phone) and the value agree at every step.
 */
import type { MockEpaas } from '@epaas-picker/mock-server'
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { userEvent } from 'vitest/browser'
import { afterEach, describe, expect, it, vi } from 'vitest'
import './styles.css'
import { renderPicker } from './test/renderPicker.js'
import { open, row, tree } from './test/treeQueries.js'

afterEach(cleanup)

/** A parent listed in two classes of one grade, for two children: from the mock's data. */
function parentOfTwoClasses(mock: MockEpaas) {
  const { data } = mock
  const classes = data.departments.filter((d) => d.tag === 5)
  for (const a of classes) {
    for (const member of a.members) {
      if (member.role !== Role.Parent) continue
      const b = classes.find(
        (c) =>
          c !== a &&
          c.parentId === a.parentId &&
          c.members.some((m) => m.userid === member.userid && m.role === Role.Parent),
      )
      if (!b) continue
      const user = data.userById.get(member.userid)!
      const names = (id: number) =>
        data.departmentById.get(id)!.idPath.map((step) => data.departmentById.get(step)!.name)
      return { user, classA: a, classB: b, pathA: names(a.id), classBName: b.name }
    }
  }
  throw new Error('the data has no parent of two children in two classes of one grade')
}

/** The person's rows under a class row: a parent is listed once per child. */
const personRows = (classKey: string, name: string) =>
  within(tree())
    .getAllByRole('treeitem')
    .filter(
      (el) =>
        el.dataset.key?.startsWith(`${classKey}/`) &&
        el.getAttribute('aria-label')?.startsWith(`${name},`),
    )

const lastValue = (onValueChange: ReturnType<typeof vi.fn>) =>
  onValueChange.mock.lastCall![0] as PickerValue

describe('a parent of two children in two classes', () => {
  it('shows one state on every row, keeps their own pick through a class tick and untick', async () => {
    const onValueChange = vi.fn()
    const { mock } = renderPicker({ onValueChange, style: { height: 9000, width: 800 } })
    const { user, pathA, classBName } = parentOfTwoClasses(mock)
    for (const name of pathA) await open(name)
    const classA = await row(pathA.at(-1)!)
    const classB = await open(classBName)
    const inA = () => personRows(classA.dataset.key!, user.name)
    const inB = () => personRows(classB.dataset.key!, user.name)
    await waitFor(() => expect(inB().length).toBeGreaterThan(0))
    const checked = (rows: HTMLElement[]) => rows.map((el) => el.getAttribute('aria-checked'))

    // 1. Tick the parent in class A: every row of theirs ticks, the value holds them once.
    await userEvent.click(inA()[0]!.querySelector<HTMLElement>('.epp-checkbox')!)
    await waitFor(() => expect(checked([...inA(), ...inB()]).every((c) => c === 'true')).toBe(true))
    let value = lastValue(onValueChange)
    expect(value.users).toHaveLength(1)
    expect(value.users[0]!.children?.length).toBe(2)

    // 2. Tick class A: the row in class B stays ticked, class B says mixed, the pick stays.
    await userEvent.click(classA.querySelector<HTMLElement>('.epp-checkbox')!)
    await waitFor(() => expect(classA).toHaveAttribute('aria-checked', 'true'))
    expect(checked(inB())).toEqual(inB().map(() => 'true'))
    expect(classB).toHaveAttribute('aria-checked', 'mixed')
    value = lastValue(onValueChange)
    expect(value.users.map((u) => u.userid)).toEqual([String(user.userid)])

    // 3. Untick class A: the parent is still picked, on every row.
    await userEvent.click(classA.querySelector<HTMLElement>('.epp-checkbox')!)
    await waitFor(() => expect(classA).toHaveAttribute('aria-checked', 'mixed'))
    expect(checked([...inA(), ...inB()]).every((c) => c === 'true')).toBe(true)
    value = lastValue(onValueChange)
    expect(value.users.map((u) => u.userid)).toEqual([String(user.userid)])
    expect(value.departments).toEqual([])

    // 4. Search them: every result row of theirs shows ticked.
    await userEvent.type(screen.getByRole('searchbox'), user.name)
    const results = await waitFor(() => {
      const found = within(tree())
        .getAllByRole('treeitem')
        .filter((el) => el.getAttribute('aria-label')?.startsWith(`${user.name},`))
      expect(found.length).toBeGreaterThanOrEqual(2)
      return found
    })
    expect(checked(results).every((c) => c === 'true')).toBe(true)
  })

  it('on a phone, the search results show the parent ticked on every row', async () => {
    const { mock } = renderPicker({ layout: 'mobile', style: { height: 8000, width: 375 } })
    const { user, pathA } = parentOfTwoClasses(mock)
    for (const name of pathA) {
      await userEvent.click(
        await screen.findByRole('button', {
          name: new RegExp(`^进入 ${name.replace(/[()]/g, '\\$&')}`),
        }),
      )
    }
    const box = await screen.findByRole('checkbox', { name: new RegExp(`^${user.name},`) })
    await userEvent.click(box)
    await waitFor(() => expect(box).toHaveAttribute('aria-checked', 'true'))
    await userEvent.type(screen.getByRole('searchbox'), user.name)
    const results = await waitFor(() => {
      const found = screen.getAllByRole('checkbox', { name: new RegExp(`^${user.name},`) })
      expect(found.length).toBeGreaterThanOrEqual(2)
      return found
    })
    expect(results.map((el) => el.getAttribute('aria-checked'))).toEqual(results.map(() => 'true'))
  })
})
