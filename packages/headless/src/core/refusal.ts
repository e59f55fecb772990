/**
 * Why a tick was refused, and the sentence a view shows for it.
 */
import type { PickerLocale } from './labels.js'

/** A refused tick. `name` is the name of the row's entity, shown in the sentence. */
export type Refusal =
  /**
   * The node is `disabled`: by the server (e.g. a class tag not in `select_tag_list`), or by the
   * app (`disabledItems`, with its `reason` when it gave one).
   */
  | { code: 'disabled'; entityKey: string; name: string; reason?: string }
  /** The item is locked (`lockedItems`), or lies in a locked department: it cannot be unticked. */
  | { code: 'locked'; entityKey: string; name: string }
  /** `reveal` found no such node: it may have moved or been deleted. */
  | { code: 'not-found'; entityKey: string; name: string }
  /** People cannot be ticked with `select_type: 2` (departments only). */
  | { code: 'not-selectable'; entityKey: string; name: string }
  /** The tick would select more than `maxCount` people. */
  | {
      code: 'maximum'
      entityKey: string
      name: string
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
 * describeRefusal({ code: 'disabled', entityKey, name: '李四' }) // '李四不可选'
 * describeRefusal({ code: 'maximum', entityKey, name: '三年级', maximum: 50, count: 48, requested: 80 })
 * // '最多可选 50 人，已选 48 人，选择“三年级”将达到 80 人'
 */
export function describeRefusal(refusal: Refusal, locale: PickerLocale = 'zh-CN'): string {
  const zh = locale === 'zh-CN'
  const { name } = refusal
  switch (refusal.code) {
    case 'disabled':
      if (refusal.reason) {
        return zh
          ? `${name}不可选：${refusal.reason}`
          : `${name} cannot be selected: ${refusal.reason}`
      }
      return zh ? `${name}不可选` : `${name} cannot be selected`
    case 'locked':
      return zh ? `${name}必须选择，不能取消` : `${name} is required and cannot be removed`
    case 'not-found':
      return zh
        ? `找不到${name}：可能已移动或删除`
        : `${name} was not found: it may have moved or been deleted`
    case 'not-selectable':
      return zh ? `${name}不可选：只能选择部门` : `${name} cannot be selected: only departments can`
    case 'maximum':
      return zh
        ? `最多可选 ${refusal.maximum} 人，已选 ${refusal.count} 人，选择“${name}”将达到 ${refusal.requested} 人`
        : `At most ${refusal.maximum} people can be selected; ${refusal.count} are selected, and ${name} would make ${refusal.requested}`
  }
}
