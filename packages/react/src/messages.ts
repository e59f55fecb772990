/**
 * Every text the picker shows, in zh-CN (the default; en-US is its own entry point,
 * `@epaas-picker/react/locales/en-US`, so that an app in Chinese does not ship it). Any of them
 * can be replaced through the `messages` prop.
 */
import {
  describeRefusal,
  parentRelationLabel,
  type Refusal,
  type ValueSummary,
} from '@epaas-picker/headless'
import { roleLabels, type ParentOf, type Role } from '@epaas-picker/protocol'
import type { FieldMessages } from './field/fieldMessages.js'
import type { PasteMessages } from './paste/pasteMessages.js'

/** The texts of recent picks (最近选择). */
export interface RecentMessages {
  title: string
  clear: string
}

/**
 * A count as the picker shows it: `exact` (the proxy's `resolve`), `counting` while it runs,
 * `failed`, an `estimate` from the tree's head counts, or only the number of `items` ticked when
 * the tree cannot estimate honestly; `none` when nothing is selected.
 */
export type PickerCount =
  | { kind: 'none' }
  | { kind: 'exact'; total: number }
  | { kind: 'counting' }
  | { kind: 'failed' }
  | { kind: 'estimate'; people: number }
  | { kind: 'items'; items: number }

/** The texts of the picker, in one language. Functions receive what the sentence needs. */
export interface PickerMessages {
  /** BCP 47 tag of the language of these texts, set as the picker's `lang` (`zh-CN`). */
  lang: string
  /** Accessible name of the search box. */
  searchLabel: string
  /** Placeholder of the search box. */
  searchPlaceholder: string
  /** Placeholder of the search box when a phone number finds people too. */
  searchPlaceholderWithPhone: string
  /** Accessible name of the tree (and of the mobile list). */
  treeLabel: string
  /** A row whose children (or the search results) are loading. */
  loading: string
  /** A row whose children failed to load. */
  loadError: string
  /** The retry button of an error row. */
  retry: string
  /** An expanded department without members. */
  empty: string
  /** A search without results. */
  noResults: (query: string) => string
  /** Badge of each role (学生 / 老师 / 家长). */
  roles: Record<Role, string>
  /** For a parent: the child and relation (`张三的爸爸`); `undefined` for anyone else. */
  parentRelation: (children: readonly ParentOf[]) => string | undefined
  /** Member count of a department, shown with `need_users_total`. */
  memberCount: (count: number) => string
  /** Separator between the school and the path of a search result. */
  pathSeparator: string
  /** Title of the selected panel. */
  selectedTitle: string
  /** The selected panel when nothing is ticked. */
  nothingSelected: string
  /** The counts line of the selected panel. */
  summary: (summary: ValueSummary) => string
  /** Label of the list of exclusions (people or departments unticked inside a ticked one). */
  excludedTitle: string
  /** Accessible name of a chip's remove button. */
  removeItem: (label: string) => string
  /** Accessible name of an exclusion chip's remove button (the entity is included again). */
  removeExclusion: (label: string) => string
  /** Clears the selection. */
  clearAll: string
  /** Confirm button of the footer. */
  confirm: string
  /** Cancel button of the footer. */
  cancel: string
  /**
   * The count of the footer, the selected panel and the mobile bar: exact from the proxy's
   * `resolve` when it is asked, else an estimate (约), else the number of items ticked.
   */
  countText: (count: PickerCount) => string
  /** The retry button of a count that failed. */
  countRetry: string
  /** Why a tick was refused: who, and why. */
  refusal: (refusal: Refusal) => string
  /** Accessible name of the button hiding the refusal. */
  dismiss: string
  /**
   * The tooltip of a disabled row: ticked (through its department: it receives, and cannot be
   * unticked on its own) or not (it cannot be ticked).
   */
  disabledHint: (checked: boolean) => string
  /** The tooltip (and spoken end) of a locked row or chip: always selected. */
  lockedHint: string
  /**
   * Texts of "paste a list" (`pasteList`), replacing its own (Chinese by default; `enUS` has the
   * English). Kept with the feature, so an app without it ships none of them.
   */
  paste?: Partial<PasteMessages>
  /** Texts of recent picks (`history`): the section's title and its clear button. */
  recent?: Partial<RecentMessages>
  /**
   * Texts of the form field (`AddressBookPickerField` of `@epaas-picker/react/field`), replacing
   * its own (Chinese by default; `enUS` has the English). Kept with the field.
   */
  field?: Partial<FieldMessages>
  /** Accessible name of the breadcrumb (mobile layout). */
  breadcrumbLabel: string
  /** First entry of the breadcrumb: the top level. */
  breadcrumbRoot: string
  /** Read before a department's name on the button that opens its level (mobile layout). */
  openLevel: string
  /** Button opening the selected panel as a bottom sheet (mobile layout), with the count's text. */
  showSelected: (countText: string) => string
  /** Closes the bottom sheet or the dialog. */
  close: string
  /** Title of the dialog wrapper. */
  dialogTitle: string
}

/**
 * The counts line of the selected panel: every count that is not zero (departments, students,
 * teachers, parents, in this order) worded by `unit`, then the exclusions, joined by `separator`.
 */
export const summaryIn =
  (
    unit: (count: number, kind: number) => string,
    excluded: (count: number) => string,
    separator: string,
  ) =>
  (s: ValueSummary): string =>
    [s.departments, s.usersByRole[11], s.usersByRole[12], s.usersByRole[13]]
      .map((count, kind) => (count ? unit(count, kind) : ''))
      .concat(s.excluded ? excluded(s.excluded) : '')
      .filter(Boolean)
      .join(separator)

/** Role badges in a locale, from the protocol's labels. */
export const rolesIn = (locale: 'zh-CN' | 'en-US'): Record<Role, string> => ({
  11: roleLabels[11][locale],
  12: roleLabels[12][locale],
  13: roleLabels[13][locale],
})

const zhUnits = ['个部门', '名学生', '名老师', '名家长']

/** The built-in Chinese texts (the default). */
export const zhCN: PickerMessages = {
  lang: 'zh-CN',
  searchLabel: '搜索姓名或部门',
  searchPlaceholder: '搜索姓名、部门',
  searchPlaceholderWithPhone: '搜索姓名、部门或手机号',
  treeLabel: '通讯录',
  loading: '加载中…',
  loadError: '加载失败',
  retry: '重试',
  empty: '暂无成员',
  noResults: (query) => `没有找到与“${query}”相关的结果`,
  roles: rolesIn('zh-CN'),
  parentRelation: (children) => parentRelationLabel(children),
  memberCount: (count) => `${count}人`,
  pathSeparator: ' · ',
  selectedTitle: '已选',
  nothingSelected: '尚未选择',
  summary: summaryIn(
    (n, kind) => `${n} ${zhUnits[kind]}`,
    (n) => `除外 ${n} 项`,
    '，',
  ),
  excludedTitle: '除外',
  removeItem: (label) => `移除 ${label}`,
  removeExclusion: (label) => `取消除外 ${label}`,
  clearAll: '清空',
  confirm: '确定',
  cancel: '取消',
  countText: (count) => {
    switch (count.kind) {
      case 'none':
        return '尚未选择'
      case 'exact':
        return `共 ${count.total} 人`
      case 'counting':
        return '正在统计人数…'
      case 'failed':
        return '人数统计失败'
      case 'estimate':
        return `约 ${count.people} 人`
      case 'items':
        return `已选 ${count.items} 项`
    }
  },
  countRetry: '重新统计',
  refusal: (refusal) => describeRefusal(refusal),
  dismiss: '关闭提示',
  disabledHint: (checked) => (checked ? '不可单独取消：随所在部门一起选中' : '不可选'),
  lockedHint: '必选，不能取消',
  breadcrumbLabel: '当前位置',
  breadcrumbRoot: '通讯录',
  openLevel: '进入',
  showSelected: (countText) => `已选：${countText}`,
  close: '关闭',
  dialogTitle: '选择人员',
}

/**
 * The texts of a locale (default zh-CN) with some of them replaced.
 *
 * @example
 * resolveMessages(zhCN, { confirm: '发送' }).confirm // '发送'
 * resolveMessages(enUS) // from '@epaas-picker/react/locales/en-US'
 */
export function resolveMessages(
  locale: PickerMessages = zhCN,
  overrides?: Partial<PickerMessages>,
): PickerMessages {
  return overrides ? { ...locale, ...overrides } : locale
}
