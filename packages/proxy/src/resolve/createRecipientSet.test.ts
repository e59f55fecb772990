/**
 * De-duplication on the mock's people: a person per (corpid, userid, role), a parent once with
 * every child, the role filter, the exclusions, and the recipient limit.
 */
import { generateDataset } from '@epaas-picker/mock-server'
import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { parentOfTwo } from '../test/oracle.js'
import { createRecipientSet } from './createRecipientSet.js'
import { personKey } from './personKey.js'
import type { Candidate } from './planResolve.js'

const data = generateDataset('small')
const corpid = String(data.topCorpid)
const candidate = (userid: number, role: Role, child = ''): Candidate => ({
  corpid,
  userid: String(userid),
  role_id: role,
  child_ids: [child],
})
const open = (max = 100_000) =>
  createRecipientSet({ maxRecipients: max, roles: undefined, isRemoved: () => false })

describe('createRecipientSet', () => {
  it('lists a teacher who is also a parent twice, and a parent of two children once with both', () => {
    const both = data.users.find(
      (u) => u.roles.includes(Role.Teacher) && u.roles.includes(Role.Parent),
    )!
    const { user, children } = parentOfTwo(data)
    const set = open()
    expect(set.admit(candidate(both.userid, Role.Teacher))).toEqual({
      corpid,
      userid: String(both.userid),
      role_id: Role.Teacher,
      child_ids: [],
    })
    expect(set.admit(candidate(both.userid, Role.Teacher))).toBeUndefined()
    // Parents wait for the end: another child may still bring them.
    expect(set.admit(candidate(both.userid, Role.Parent, '1'))).toBeUndefined()
    for (const child of children) set.admit(candidate(user.userid, Role.Parent, String(child)))
    set.admit(candidate(user.userid, Role.Parent, String(children[0])))
    set.admit(candidate(user.userid, Role.Parent, ''))

    const parents = set.parents()
    expect(parents).toHaveLength(2)
    expect(parents.find((p) => p.userid === String(user.userid))!.child_ids).toEqual(
      children.map(String),
    )
    expect(set.total).toBe(3)
    expect(set.byRole).toEqual({ '11': 0, '12': 1, '13': 2 })
  })

  it('keeps only the roles asked for, and nobody removed', () => {
    const [a, b] = data.users.filter((u) => u.roles.includes(Role.Student))
    const removed = personKey(corpid, String(b!.userid), Role.Student)
    const set = createRecipientSet({
      maxRecipients: 10,
      roles: new Set([Role.Student]),
      isRemoved: (key) => key === removed,
    })
    expect(set.admit(candidate(a!.userid, Role.Student))).toBeDefined()
    expect(set.admit(candidate(b!.userid, Role.Student))).toBeUndefined()
    expect(set.admit(candidate(a!.userid, Role.Teacher))).toBeUndefined()
    expect(set.total).toBe(1)
  })

  it('fails on the recipient past the limit without keeping it', () => {
    const people = data.users.slice(0, 6)
    const set = open(5)
    for (const u of people.slice(0, 4)) set.admit(candidate(u.userid, Role.Teacher))
    set.admit(candidate(people[4]!.userid, Role.Parent, '9'))
    expect(set.total).toBe(5)
    // A known person again costs nothing; a new one, whatever its role, is one too many.
    expect(set.admit(candidate(people[0]!.userid, Role.Teacher))).toBeUndefined()
    expect(() => set.admit(candidate(people[5]!.userid, Role.Teacher))).toThrow(
      expect.objectContaining({ code: 'too_many_recipients' }),
    )
    expect(() => set.admit(candidate(people[5]!.userid, Role.Parent, '9'))).toThrow(
      expect.objectContaining({ code: 'too_many_recipients' }),
    )
    expect(set.total).toBe(5)
    expect(set.parents()).toHaveLength(1)
  })
})
