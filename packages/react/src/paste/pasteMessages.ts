/**
 * The texts of "paste a list" (批量添加), kept with the feature so that an app without it ships
 * none of them. Replace any through the picker's `messages.paste`; `enUS` carries the English.
 */
import type { PasteCounts } from '@epaas-picker/headless'

/** The texts of the paste dialog. */
export interface PasteMessages {
  /** The button opening it, beside the search box. */
  action: string
  title: string
  /** Label of the text box. */
  label: string
  /** Under the text box. */
  hint: string
  /** Starts the matching. */
  match: string
  /** Nothing to match. */
  empty: string
  /** Too many tokens. */
  tooMany: (count: number, maximum: number) => string
  /** The progress bar's text. */
  progress: (done: number, total: number) => string
  /** What the paste would do. */
  summary: (counts: PasteCounts) => string
  /** A token that matches nobody. */
  missing: string
  /** A token whose search failed. */
  failed: string
  retry: string
  /** The legend of a same-named token's choices. */
  choose: (token: string) => string
  /** The choice of none of them. */
  none: string
  /** Ticks the chosen people. */
  apply: (count: number) => string
  cancel: string
  /** Heading of the refusals after applying. */
  refused: string
  /** Closes the dialog after the refusals. */
  done: string
}

/** The built-in Chinese texts. */
export const pasteZhCN: PasteMessages = {
  action: '批量添加',
  title: '批量添加',
  label: '粘贴姓名或手机号',
  hint: '每行一个，或用逗号、顿号、分号、空格隔开',
  match: '识别',
  empty: '请先粘贴姓名或手机号',
  tooMany: (count, maximum) => `最多可识别 ${maximum} 项，已粘贴 ${count} 项`,
  progress: (done, total) => `已匹配 ${done} / ${total}`,
  summary: (c) =>
    [
      `添加 ${c.chosen} 人`,
      c.pending ? `${c.pending} 人待确认` : '',
      c.missing ? `${c.missing} 人未找到` : '',
      c.failed ? `${c.failed} 项查询失败` : '',
    ]
      .filter(Boolean)
      .join('，'),
  missing: '未找到',
  failed: '查询失败',
  retry: '重试',
  choose: (token) => `“${token}”有多人同名，请选择`,
  none: '都不是',
  apply: (count) => `添加 ${count} 人`,
  cancel: '取消',
  refused: '以下人员未能添加',
  done: '完成',
}

/** The English texts. */
export const pasteEnUS: PasteMessages = {
  action: 'Paste a list',
  title: 'Paste a list',
  label: 'Paste names or phone numbers',
  hint: 'One per line, or separated by commas, semicolons or spaces',
  match: 'Match',
  empty: 'Paste names or phone numbers first',
  tooMany: (count, maximum) => `At most ${maximum} names or numbers; ${count} were pasted`,
  progress: (done, total) => `Matched ${done} of ${total}`,
  summary: (c) =>
    [
      `${c.chosen} to add`,
      c.pending ? `${c.pending} to choose` : '',
      c.missing ? `${c.missing} not found` : '',
      c.failed ? `${c.failed} failed` : '',
    ]
      .filter(Boolean)
      .join(', '),
  missing: 'Not found',
  failed: 'Search failed',
  retry: 'Retry',
  choose: (token) => `Several people are called “${token}”: choose one`,
  none: 'None of them',
  apply: (count) => `Add ${count}`,
  cancel: 'Cancel',
  refused: 'Not added',
  done: 'Done',
}
