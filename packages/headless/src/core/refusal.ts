/**
 * Why a tick was refused, and the sentence a view shows for it.
 */
import type { PickerLocale } from './labels.js'

/** A refused tick. */
export type Refusal =
  /** The node is `disabled` (by the server, e.g. a class tag not in `select_tag_list`). */
  | { code: 'disabled'; entityKey: string }
  /** People cannot be ticked with `select_type: 2` (departments only). */
  | { code: 'not-selectable'; entityKey: string }
  /** The tick would select more than `maxCount` people. */
  | {
      code: 'maximum'
      entityKey: string
      /** The configured maximum. */
      maximum: number
      /** People selected before the tick (estimated as the value's summary does). */
      count: number
      /** People that would be selected after it. */
      requested: number
    }

/**
 * A short sentence for a refusal, in zh-CN (default) or en-US.
 *
 * @example
 * describeRefusal({ code: 'maximum', entityKey, maximum: 50, count: 48, requested: 80 })
 * // '最多可选 50 人，已选 48 人，此项将使人数变为 80 人'
 */
export function describeRefusal(refusal: Refusal, locale: PickerLocale = 'zh-CN'): string {
  const zh = locale === 'zh-CN'
  switch (refusal.code) {
    case 'disabled':
      return zh ? '该项不可选' : 'This item cannot be selected'
    case 'not-selectable':
      return zh ? '只能选择部门' : 'Only departments can be selected'
    case 'maximum':
      return zh
        ? `最多可选 ${refusal.maximum} 人，已选 ${refusal.count} 人，此项将使人数变为 ${refusal.requested} 人`
        : `At most ${refusal.maximum} people can be selected; ${refusal.count} are selected and this would make ${refusal.requested}`
  }
}
