/**
 * Counts: the exact count (`proxyRecipientCounter`, through the proxy's handler) equals what a
 * full `resolve` lists, for a class with a role filter, a school and a bureau's root; the tree's
 * estimate never counts the roles its filter hides, nor stands for a bureau's schools.
 */
import { proxyRecipientCounter, type NodeRow, type PickerStore } from '@epaas-picker/headless/core'
import { generateDataset } from '@epaas-picker/mock-server'
import { Role, type PickerValue } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { ALL_ROLES, pickerOnMock } from './harness/pickerOnMock.js'

const district = generateDataset('district', 1)

/** Waits for the store to be quiet, then answers the visible row named `name`. */
async function rowNamed(h: ReturnType<typeof pickerOnMock>, name: string): Promise<NodeRow> {
  await h.settle()
  const row = h.store
    .getSnapshot()
    .treeRows.find((r): r is NodeRow => r.kind === 'node' && r.node.name === name)
  if (!row) throw new Error(`no row ${name}`)
  return row
}

async function open(h: ReturnType<typeof pickerOnMock>, names: readonly string[]) {
  let row: NodeRow | undefined
  for (const name of names) {
    row = await rowNamed(h, name)
    h.store.expand(row.key)
  }
  await h.settle()
  return row as NodeRow
}

/** The exact count and a full resolve of the store's value, with `roles`. */
async function bothCounts(h: ReturnType<typeof pickerOnMock>, roles: Role[]) {
  const value: PickerValue = h.store.getSnapshot().value
  const counter = proxyRecipientCounter({ fetch: h.proxyFetch })
  const count = await counter({ value, role_ids: roles }, { signal: new AbortController().signal })
  const full = await h.proxy.client.resolveAll({ value, role_ids: roles }, { userToken: h.token })
  return { count, full }
}

const tick = (store: PickerStore, row: NodeRow) =>
  expect(store.toggle(row, true)).toEqual({ ok: true })

describe('the exact count', () => {
  it('equals a full resolve for a class with a role filter; the estimate does not count hidden roles', async () => {
    const h = pickerOnMock(
      { dataset: 'small' },
      { is_show_root: true, select_role_list: [Role.Student] },
    )
    const grade = await open(h, ['深圳市南山区第一实验学校', '学生', '本部', '一年级'])
    const klass = (await rowNamed(h, '一年级(1)班')) as NodeRow
    expect(grade.node.name).toBe('一年级')
    tick(h.store, klass)
    const { count, full } = await bothCounts(h, [Role.Student])
    expect(count.total).toBe(full.recipients.length)
    expect(count.total).toBe(full.summary.total)
    expect(count.byRole).toEqual({ '11': count.total, '12': 0, '13': 0 })
    // The seed does not say whether users_total follows select_role_list (the mock's does,
    // counting users rather than (user, role)): with roles hidden it is not used as an estimate.
    const { summary } = h.store.getSnapshot()
    expect(summary.estimateComplete).toBe(false)
    expect(h.store.getSnapshot().memberCount(klass.node)).toBeUndefined()
  })

  it('equals a full resolve for a school; with every role listed the estimate is its users_total', async () => {
    const h = pickerOnMock({ dataset: 'small' }, { is_show_root: true })
    const school = await rowNamed(h, '深圳市南山区第一实验学校')
    tick(h.store, school)
    const { count, full } = await bothCounts(h, ALL_ROLES)
    expect(count.total).toBe(full.recipients.length)
    const { summary } = h.store.getSnapshot()
    expect(summary.estimateComplete).toBe(true)
    expect(summary.estimatedPeople).toBe(school.node.users_total)
  })

  it("equals a full resolve for a bureau's root, whose estimate would count its own staff only", async () => {
    const h = pickerOnMock({ dataset: district }, { is_show_root: true, is_include_sub_org: true })
    const root = await rowNamed(h, district.organizations[0]!.name)
    expect(root.node.has_sub_org).toBe(true)
    tick(h.store, root)
    const { count, full } = await bothCounts(h, ALL_ROLES)
    expect(count.total).toBe(full.recipients.length)
    expect(count.total).toBe(district.users.length + countParentsTwice(district))
    expect(root.node.users_total).toBeLessThan(count.total / 100)
    expect(h.store.getSnapshot().summary.estimateComplete).toBe(false)
  }, 60_000)
})

/** People who are recipients twice: a user who is a teacher and a parent is two recipients. */
function countParentsTwice(data: typeof district): number {
  const roles = new Map<number, Set<number>>()
  for (const d of data.departments) {
    for (const m of d.members) roles.set(m.userid, (roles.get(m.userid) ?? new Set()).add(m.role))
  }
  let extra = 0
  for (const set of roles.values()) extra += set.size - 1
  return extra
}
