/**
 * Every text the picker shows, in zh-CN (the default) and en-US. Any of them can be replaced
 * through the `messages` prop.
 */
import {
  describeRefusal,
  parentRelationLabel,
  type Refusal,
  type ValueSummary,
} from '@epaas-picker/headless'
import { roleLabels, type ParentOf, type Role } from '@epaas-picker/protocol'

/** A language with built-in texts. */
export type PickerLocale = 'zh-CN' | 'en-US'

/** The texts of the picker. Functions receive what the sentence needs. */
export interface PickerMessages {
  /** Accessible name of the search box. */
  searchLabel: string
  /** Placeholder of the search box. */
  searchPlaceholder: string
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
  /** Count beside the footer buttons (estimated people). */
  selectedCount: (people: number) => string
  /** Why a tick was refused. */
  refusal: (refusal: Refusal) => string
  /** Accessible name of the breadcrumb (mobile layout). */
  breadcrumbLabel: string
  /** First entry of the breadcrumb: the top level. */
  breadcrumbRoot: string
  /** Read before a department's name on the button that opens its level (mobile layout). */
  openLevel: string
  /** Button opening the selected panel as a bottom sheet (mobile layout). */
  showSelected: (people: number) => string
  /** Closes the bottom sheet or the dialog. */
  close: string
  /** Title of the dialog wrapper. */
  dialogTitle: string
}

const zhSummary = (s: ValueSummary): string => {
  const parts: string[] = []
  if (s.departments) parts.push(`${s.departments} 个部门`)
  if (s.usersByRole[11]) parts.push(`${s.usersByRole[11]} 名学生`)
  if (s.usersByRole[12]) parts.push(`${s.usersByRole[12]} 名老师`)
  if (s.usersByRole[13]) parts.push(`${s.usersByRole[13]} 名家长`)
  if (s.excluded) parts.push(`除外 ${s.excluded} 项`)
  return parts.join('，')
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

const enSummary = (s: ValueSummary): string => {
  const parts: string[] = []
  if (s.departments) parts.push(plural(s.departments, 'department', 'departments'))
  if (s.usersByRole[11]) parts.push(plural(s.usersByRole[11], 'student', 'students'))
  if (s.usersByRole[12]) parts.push(plural(s.usersByRole[12], 'teacher', 'teachers'))
  if (s.usersByRole[13]) parts.push(plural(s.usersByRole[13], 'parent', 'parents'))
  if (s.excluded) parts.push(`${s.excluded} excluded`)
  return parts.join(', ')
}

/** The built-in Chinese texts (the default). */
export const zhCN: PickerMessages = {
  searchLabel: '搜索姓名或部门',
  searchPlaceholder: '搜索姓名、部门',
  treeLabel: '通讯录',
  loading: '加载中…',
  loadError: '加载失败',
  retry: '重试',
  empty: '暂无成员',
  noResults: (query) => `没有找到与“${query}”相关的结果`,
  roles: { 11: roleLabels[11]['zh-CN'], 12: roleLabels[12]['zh-CN'], 13: roleLabels[13]['zh-CN'] },
  parentRelation: (children) => parentRelationLabel(children, 'zh-CN'),
  memberCount: (count) => `${count}人`,
  pathSeparator: ' · ',
  selectedTitle: '已选',
  nothingSelected: '尚未选择',
  summary: zhSummary,
  excludedTitle: '除外',
  removeItem: (label) => `移除 ${label}`,
  removeExclusion: (label) => `取消除外 ${label}`,
  clearAll: '清空',
  confirm: '确定',
  cancel: '取消',
  selectedCount: (people) => `约 ${people} 人`,
  refusal: (refusal) => describeRefusal(refusal, 'zh-CN'),
  breadcrumbLabel: '当前位置',
  breadcrumbRoot: '通讯录',
  openLevel: '进入',
  showSelected: (people) => `已选约 ${people} 人`,
  close: '关闭',
  dialogTitle: '选择人员',
}

/** The built-in English texts. Names, paths and relations stay as the server sends them. */
export const enUS: PickerMessages = {
  searchLabel: 'Search people or departments',
  searchPlaceholder: 'Search by name or department',
  treeLabel: 'Address book',
  loading: 'Loading…',
  loadError: 'Could not load',
  retry: 'Retry',
  empty: 'No members',
  noResults: (query) => `Nothing matches “${query}”`,
  roles: { 11: roleLabels[11]['en-US'], 12: roleLabels[12]['en-US'], 13: roleLabels[13]['en-US'] },
  parentRelation: (children) => parentRelationLabel(children, 'en-US'),
  memberCount: (count) => plural(count, 'person', 'people'),
  pathSeparator: ' · ',
  selectedTitle: 'Selected',
  nothingSelected: 'Nothing selected yet',
  summary: enSummary,
  excludedTitle: 'Except',
  removeItem: (label) => `Remove ${label}`,
  removeExclusion: (label) => `Include ${label} again`,
  clearAll: 'Clear all',
  confirm: 'Confirm',
  cancel: 'Cancel',
  selectedCount: (people) => `About ${plural(people, 'person', 'people')}`,
  refusal: (refusal) => describeRefusal(refusal, 'en-US'),
  breadcrumbLabel: 'Current location',
  breadcrumbRoot: 'Address book',
  openLevel: 'Open',
  showSelected: (people) => `Selected: about ${plural(people, 'person', 'people')}`,
  close: 'Close',
  dialogTitle: 'Choose people',
}

/** The built-in texts of each locale. */
export const builtInMessages: Record<PickerLocale, PickerMessages> = {
  'zh-CN': zhCN,
  'en-US': enUS,
}

/**
 * The texts for a locale with some of them replaced.
 *
 * @example
 * resolveMessages('zh-CN', { confirm: '发送' }).confirm // '发送'
 */
export function resolveMessages(
  locale: PickerLocale = 'zh-CN',
  overrides?: Partial<PickerMessages>,
): PickerMessages {
  const base = builtInMessages[locale] ?? zhCN
  return overrides ? { ...base, ...overrides } : base
}
