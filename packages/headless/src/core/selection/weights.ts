/**
 * How many people a decided item stands for, for the maximum (`maxCount`).
 */
import type { SelectionItem } from './selection.js'

/**
 * People a decided item stands for: 1 for a person, a department's `users_total` (1 when the tree
 * did not report it). An estimate: `users_total` counts every role, and a bureau's counts its own
 * staff only; the exact count comes from the proxy's `resolve`.
 */
export function itemWeight(item: SelectionItem): number {
  if (item.type === 'user') return 1
  return item.users_total && item.users_total > 0 ? item.users_total : 1
}
