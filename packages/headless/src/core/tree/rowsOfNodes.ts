/**
 * Rows for the nodes of an answer: a level of the tree, or search results. Each node becomes one
 * row, keyed by its place, numbered among its siblings; what it teaches about its entity (a
 * person's path, a parent's child, a school's name) goes into the entity index.
 */
import type { SelectNode } from '@epaas-picker/protocol'
import { entityKeyOfNode, rowKeyOf, rowSegment } from '../keys.js'
import { matchRanges } from '../labels.js'
import type { NodeRow, SearchRow } from '../types.js'
import { createNodeRow } from './createNodeRow.js'
import type { EntityIndex } from './EntityIndex.js'

/** Hears of every person seen (a decided person may gain a path, another person a second one). */
export interface PathLearner {
  /** `learned`: the index did not know this path (or child) of the person. */
  learnPath(entityKey: string, path: readonly string[], learned: boolean): void
}

type MutableRow = ReturnType<typeof createNodeRow>

/**
 * The rows of one level's children. A node listed twice under one parent (which would give two
 * rows one key) is kept once.
 */
export function rowsOfLevel(
  nodes: readonly SelectNode[],
  parentKey: string | null,
  level: number,
  index: EntityIndex,
  learner: PathLearner,
): NodeRow[] {
  const out: MutableRow[] = []
  const seen = new Set<string>()
  for (const node of nodes) {
    const key = rowKeyOf(parentKey, node)
    if (seen.size === seen.add(key).size) continue
    out.push(createNodeRow(key, parentKey, node, learn(node, index, learner), level))
  }
  return numbered(out)
}

/** The rows of a search answer for `text`: a flat list, each with its matches and school. */
export function searchRowsOf(
  nodes: readonly SelectNode[],
  text: string,
  index: EntityIndex,
  learner: PathLearner,
): SearchRow[] {
  const out: (MutableRow & SearchRow)[] = []
  const seen = new Set<string>()
  for (const node of nodes) {
    // A result is keyed by the node and where it sits, apart from tree rows (`?` first).
    const key = `?${rowSegment(node)}@${node.parent_id}`
    if (seen.size === seen.add(key).size) continue
    const row = createNodeRow(key, null, node, learn(node, index, learner), 1)
    out.push(
      Object.assign(row, {
        matches: matchRanges(node.name, text),
        school: index.schoolOf(node.corpid),
      }),
    )
  }
  return numbered(out)
}

function learn(node: SelectNode, index: EntityIndex, learner: PathLearner): string {
  const entityKey = entityKeyOfNode(node)
  const learned = index.add(entityKey, node)
  learner.learnPath(entityKey, node.id_path, learned)
  return entityKey
}

function numbered<R extends MutableRow>(rows: R[]): R[] {
  rows.forEach((row, i) => {
    row.posinset = i + 1
    row.setsize = rows.length
  })
  return rows
}
