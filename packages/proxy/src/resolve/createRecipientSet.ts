/**
 * Stage 4 of `resolve`, pure: de-duplication. A person is (corpid, userid, role): a teacher who is
 * also a parent is two recipients; a parent listed under two children is one recipient carrying
 * both `child_ids`. The role filter and the exclusions are applied here, as people arrive.
 */
import { Role } from '@epaas-picker/protocol'
import { ProxyError } from '../ProxyError.js'
import type { Candidate } from './planResolve.js'
import { personKey } from './personKey.js'
import type { Recipient, RoleCounts } from './ResolveEvent.js'

/** What a recipient set is built with. */
export interface RecipientSetOptions {
  /** Most recipients; one more fails with `too_many_recipients` before it is kept. */
  maxRecipients: number
  /** The roles kept, or `undefined` for every role. */
  roles: ReadonlySet<Role> | undefined
  /** Whether a person (by `personKey`) is removed by the exclusions. */
  isRemoved: (key: string) => boolean
}

/** The people admitted so far. */
export interface RecipientSet {
  /**
   * Admits a person: answers the new recipient to send on, or `undefined` when the person is
   * filtered out, removed, already admitted, or a parent (parents are kept until {@link parents},
   * since another child may still bring them). Throws `too_many_recipients` on the recipient
   * one past the limit.
   */
  admit(candidate: Candidate): Recipient | undefined
  /** The parents admitted, each with every child they came by: to send once all are in. */
  parents(): Recipient[]
  /** Recipients admitted (parents included). */
  readonly total: number
  /** Recipients admitted, by role. */
  readonly byRole: Readonly<RoleCounts>
}

/**
 * Creates the set of recipients of one resolve.
 *
 * Holds one key per recipient admitted, and each parent whole (with its `child_ids`) until the
 * end: never more than `maxRecipients` (`limits.resolveRecipients`) of them, since the one past
 * the limit throws before it is kept.
 *
 * @example
 * const set = createRecipientSet({ maxRecipients: 200_000, roles: undefined, isRemoved: () => false })
 * set.admit({ corpid: '1', userid: '7', role_id: Role.Teacher, child_ids: [] }) // the recipient
 * set.admit({ corpid: '1', userid: '7', role_id: Role.Teacher, child_ids: [] }) // undefined
 */
export function createRecipientSet(options: RecipientSetOptions): RecipientSet {
  const { maxRecipients, roles, isRemoved } = options
  const seen = new Set<string>()
  const parents = new Map<string, Recipient>()
  const byRole: RoleCounts = { '11': 0, '12': 0, '13': 0 }
  let total = 0

  const count = (role: Role) => {
    if (total >= maxRecipients) {
      throw new ProxyError(
        'too_many_recipients',
        `the selection resolves to more than ${maxRecipients} recipients`,
      )
    }
    total += 1
    byRole[`${role}`] += 1
  }

  const admitParent = (key: string, candidate: Candidate) => {
    let parent = parents.get(key)
    if (!parent) {
      count(candidate.role_id)
      parent = {
        corpid: candidate.corpid,
        userid: candidate.userid,
        role_id: candidate.role_id,
        child_ids: [],
      }
      parents.set(key, parent)
    }
    for (const child of candidate.child_ids) {
      if (child !== '' && !parent.child_ids.includes(child)) parent.child_ids.push(child)
    }
  }

  return {
    admit(candidate) {
      const { corpid, userid, role_id: role } = candidate
      if (roles && !roles.has(role)) return undefined
      const key = personKey(corpid, userid, role)
      if (isRemoved(key)) return undefined
      if (role === Role.Parent) {
        admitParent(key, candidate)
        return undefined
      }
      if (seen.has(key)) return undefined
      count(role)
      seen.add(key)
      return { corpid, userid, role_id: role, child_ids: [] }
    },
    parents: () => [...parents.values()],
    get total() {
      return total
    },
    byRole,
  }
}
