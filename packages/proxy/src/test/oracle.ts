/**
 * Expected answers computed straight from the mock's dataset, independently of the proxy.
 */
import type { Dataset } from '@epaas-picker/mock-server'

type Department = Dataset['departments'][number]

/** Every department of `id`'s subtree within its organisation, itself included. */
export function subtree(data: Dataset, id: number): Department[] {
  const root = data.departmentById.get(id)
  if (!root) throw new Error(`no department ${id}`)
  const out: Department[] = []
  const visit = (d: Department) => {
    out.push(d)
    for (const childId of d.childIds) {
      const child = data.departmentById.get(childId)
      if (child && child.corpid === root.corpid) visit(child)
    }
  }
  visit(root)
  return out
}

/** Members of a subtree as `corpid:userid:role` keys, with each parent's children. */
export function members(data: Dataset, id: number, roles?: readonly number[]) {
  const people = new Map<string, Set<string>>()
  const corpid = data.departmentById.get(id)?.corpid
  for (const d of subtree(data, id)) {
    for (const m of d.members) {
      if (roles && !roles.includes(m.role)) continue
      const key = `${corpid}:${m.userid}:${m.role}`
      const children = people.get(key) ?? new Set<string>()
      if (m.role === 13 && m.childId) children.add(String(m.childId))
      people.set(key, children)
    }
  }
  return people
}

/** Classes (tag 5) with people. */
export function classes(data: Dataset): Department[] {
  return data.departments.filter((d) => d.tag === 5 && d.members.length > 0)
}

/** A parent listed under two different classes (two children), and those classes. */
export function parentOfTwo(data: Dataset) {
  for (const user of data.users) {
    const rows = user.listings.filter((l) => l.role === 13)
    const departments = [...new Set(rows.map((r) => r.departmentId))]
    const children = [...new Set(rows.map((r) => r.childId))]
    if (departments.length >= 2 && children.length >= 2) {
      return { user, departments: departments.slice(0, 2) as [number, number], children }
    }
  }
  throw new Error('the dataset has no parent of two children in two classes')
}
