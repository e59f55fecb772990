import type { Refusal } from '../refusal.js'
import type { NodeRow } from '../types.js'
import type { ItemTarget } from './itemTarget.js'
import type { SelectionState } from './selection.js'

/** What `tickAll` did: the entities ticked, and the refusals. */
export interface TickAllResult {
  ticked: string[]
  refused: Refusal[]
}

/**
 * Ticks `targets` one after the other from `state`, each through `step` (the selection rule with
 * its refusals): answers the state after the last accepted tick, what was ticked and what was
 * refused. The caller proposes the result once, as one change.
 */
export function tickEach(
  state: SelectionState,
  targets: readonly (NodeRow | ItemTarget)[],
  step: (
    state: SelectionState,
    target: NodeRow | ItemTarget,
  ) => { next: SelectionState } | { refusal: Refusal },
): TickAllResult & { next: SelectionState } {
  let next = state
  const ticked: string[] = []
  const refused: Refusal[] = []
  for (const target of targets) {
    const result = step(next, target)
    if ('refusal' in result) refused.push(result.refusal)
    else {
      next = result.next
      ticked.push(target.entityKey)
    }
  }
  return { next, ticked, refused }
}
