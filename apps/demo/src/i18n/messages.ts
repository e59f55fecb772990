/**
 * Every text of the demo page, in zh-CN (the default) and en-US. The picker has its own texts
 * (`@epaas-picker/react`); it gets the same locale.
 */
import type { Role } from '@epaas-picker/protocol'
import type { ResolveChannel } from '@epaas-picker/proxy'

/** Languages of the demo. */
export type DemoLocale = 'zh-CN' | 'en-US'

/** Where a logged request came from. */
export type RequestSource = 'picker' | 'resolve' | 'names' | 'send'

/** The demo's texts. */
export interface DemoMessages {
  appTitle: string
  appSubtitle: string
  language: string
  upstreamMock: (dataset: 'small' | 'district') => string
  upstreamRemote: (host: string) => string
  sessionExpired: string
  backendDown: string
  reload: string
  tabsLabel: string
  tabNotice: string
  tabDebug: string
  title: string
  titlePlaceholder: string
  body: string
  bodyPlaceholder: string
  recipients: string
  recipientsHint: string
  roles: string
  roleNames: Record<Role, string>
  channel: string
  channelNames: Record<ResolveChannel, string>
  channelHints: Record<ResolveChannel, string>
  preview: string
  previewEmpty: string
  previewLoading: string
  previewProgress: (done: number, total: number) => string
  previewError: (message: string) => string
  retry: string
  previewTotal: (total: number) => string
  previewByRole: (role: Role, count: number) => string
  previewNoRoles: string
  unmappedNone: (channel: string) => string
  unmappedSome: (count: number, channel: string) => string
  unmappedListLabel: (channel: string) => string
  unmappedMore: (count: number) => string
  unmappedNamesLoading: string
  unmappedNamesError: string
  unknownName: (userid: string) => string
  parentOf: (children: string) => string
  childrenSeparator: string
  send: string
  errorTitle: string
  errorBody: string
  errorRoles: string
  errorRecipients: string
  errorRecipientsZero: string
  errorRecipientsPending: string
  errorRecipientsFailed: string
  errorSummary: (count: number) => string
  confirmTitle: string
  confirmBody: (total: number, channel: string) => string
  confirmUnmapped: (count: number, channel: string) => string
  confirmSend: string
  cancel: string
  sending: string
  sendError: (message: string) => string
  sentTitle: string
  sentBody: (reached: number, channel: string) => string
  sentUnmapped: (count: number) => string
  sentId: (id: number, time: string) => string
  sendAnother: string
  valueTitle: string
  valueHint: string
  requestsTitle: string
  requestsHint: string
  requestsEmpty: string
  requestsClear: string
  requestsCaption: (count: number) => string
  columns: {
    time: string
    source: string
    request: string
    body: string
    status: string
    duration: string
  }
  sources: Record<RequestSource, string>
  statusFailed: string
  statusPending: string
  durationMs: (ms: number) => string
  errors: Record<string, string>
  networkError: string
}

const zhRoles: Record<Role, string> = { 11: '学生', 12: '老师', 13: '家长' }
const enRoles: Record<Role, string> = { 11: 'Students', 12: 'Teachers', 13: 'Parents' }
const zhNumber = new Intl.NumberFormat('zh-CN')
const enNumber = new Intl.NumberFormat('en-US')

export const zhCN: DemoMessages = {
  appTitle: '发送通知',
  appSubtitle: 'epaas-picker 演示：选人、统计、映射、发送',
  language: '语言',
  upstreamMock: (dataset) =>
    dataset === 'small' ? '模拟 ePaaS · 单所学校' : '模拟 ePaaS · 教育局与 32 所学校',
  upstreamRemote: (host) => `ePaaS 服务器 · ${host}`,
  sessionExpired: '会话已过期（服务器可能已重启），请刷新页面。',
  backendDown: '无法连接演示服务器。',
  reload: '刷新页面',
  tabsLabel: '页面',
  tabNotice: '通知',
  tabDebug: '选择值与请求',
  title: '标题',
  titlePlaceholder: '例如：周五下午家长会',
  body: '正文',
  bodyPlaceholder: '通知内容',
  recipients: '接收人',
  recipientsHint: '勾选年级、班级、部门或个人；在已勾选的班级中取消勾选某人即可排除。',
  roles: '发送给',
  roleNames: zhRoles,
  channel: '发送渠道',
  channelNames: { epaas: '教育号', wecom: '企业微信', dingtalk: '钉钉' },
  channelHints: {
    epaas: '通过教育号发送，所有接收人都能收到。',
    wecom: '通过企业微信发送，需要教育号与企业微信的账号映射。',
    dingtalk: '通过钉钉发送，需要教育号与钉钉的账号映射。',
  },
  preview: '接收人统计',
  previewEmpty: '尚未选择接收人。',
  previewLoading: '正在统计接收人…',
  previewProgress: (done, total) => `已展开 ${done}/${total} 个部门`,
  previewError: (message) => `统计失败：${message}`,
  retry: '重试',
  previewTotal: (total) => `共 ${zhNumber.format(total)} 人`,
  previewByRole: (role, count) => `${zhRoles[role]} ${zhNumber.format(count)}`,
  previewNoRoles: '请至少选择一种接收角色。',
  unmappedNone: (channel) => `所有接收人都有${channel}账号。`,
  unmappedSome: (count, channel) =>
    `${zhNumber.format(count)} 人没有${channel}账号，将收不到这条通知。`,
  unmappedListLabel: (channel) => `没有${channel}账号的接收人`,
  unmappedMore: (count) => `另有 ${zhNumber.format(count)} 人`,
  unmappedNamesLoading: '正在查找姓名…',
  unmappedNamesError: '姓名查找失败，显示用户 ID。',
  unknownName: (userid) => `用户 ${userid}`,
  parentOf: (children) => `${children}的家长`,
  childrenSeparator: '、',
  send: '发送',
  errorTitle: '请填写标题。',
  errorBody: '请填写正文。',
  errorRoles: '请至少选择一种接收角色。',
  errorRecipients: '请选择接收人。',
  errorRecipientsZero: '所选范围内没有符合条件的接收人。',
  errorRecipientsPending: '接收人统计尚未完成，请稍候再发送。',
  errorRecipientsFailed: '接收人统计失败，请在“接收人统计”中重试。',
  errorSummary: (count) => `有 ${count} 处需要修改。`,
  confirmTitle: '确认发送',
  confirmBody: (total, channel) => `将通过${channel}发送给 ${zhNumber.format(total)} 人。`,
  confirmUnmapped: (count, channel) =>
    `其中 ${zhNumber.format(count)} 人没有${channel}账号，不会收到。`,
  confirmSend: '确认发送',
  cancel: '取消',
  sending: '正在发送…',
  sendError: (message) => `发送失败：${message}`,
  sentTitle: '通知已发送',
  sentBody: (reached, channel) => `已通过${channel}发送给 ${zhNumber.format(reached)} 人。`,
  sentUnmapped: (count) => `${zhNumber.format(count)} 人因没有账号未收到。`,
  sentId: (id, time) => `通知编号 ${id} · ${time}`,
  sendAnother: '再发一条',
  valueTitle: '选择值（PickerValue）',
  valueHint: '选人组件交给后端的值：一条规则（部门 + 个人 − 排除），而不是人员名单。',
  requestsTitle: '请求记录',
  requestsHint: '本页发往代理 /api/epaas 的每个请求。令牌只在服务器上，浏览器里看不到。',
  requestsEmpty: '还没有请求。',
  requestsClear: '清空记录',
  requestsCaption: (count) => `共 ${count} 个请求`,
  columns: {
    time: '时间',
    source: '来源',
    request: '请求',
    body: '请求体',
    status: '状态',
    duration: '耗时',
  },
  sources: { picker: '选人组件', resolve: '统计', names: '姓名查找', send: '发送' },
  statusFailed: '失败',
  statusPending: '进行中',
  durationMs: (ms) => `${ms} 毫秒`,
  errors: {
    unauthorized: '会话已过期，请刷新页面。',
    no_session: '会话已过期，请刷新页面。',
    rate_limited: '请求过于频繁，请稍后再试。',
    too_many_recipients: '接收人过多。',
    no_recipients: '所选范围内没有接收人。',
    not_configured: '服务器未配置该渠道的机构凭证。',
    upstream_error: 'ePaaS 返回错误。',
    upstream_timeout: 'ePaaS 响应超时。',
    upstream_unreachable: '无法连接 ePaaS。',
  },
  networkError: '网络错误。',
}

export const enUS: DemoMessages = {
  appTitle: 'Send a notice',
  appSubtitle: 'epaas-picker demo: pick, count, map, send',
  language: 'Language',
  upstreamMock: (dataset) =>
    dataset === 'small' ? 'Mock ePaaS · one school' : 'Mock ePaaS · a bureau and 32 schools',
  upstreamRemote: (host) => `ePaaS server · ${host}`,
  sessionExpired: 'Your session has ended (the server may have restarted): reload the page.',
  backendDown: 'The demo server cannot be reached.',
  reload: 'Reload',
  tabsLabel: 'Page',
  tabNotice: 'Notice',
  tabDebug: 'Value and requests',
  title: 'Title',
  titlePlaceholder: 'e.g. Parents’ meeting on Friday',
  body: 'Message',
  bodyPlaceholder: 'What the notice says',
  recipients: 'Recipients',
  recipientsHint:
    'Tick grades, classes, departments or people; untick someone inside a ticked class to leave them out.',
  roles: 'Send to',
  roleNames: enRoles,
  channel: 'Channel',
  channelNames: { epaas: 'ePaaS', wecom: 'WeCom', dingtalk: 'DingTalk' },
  channelHints: {
    epaas: 'Sent through ePaaS: every recipient gets it.',
    wecom: 'Sent through WeCom: needs each person’s ePaaS-to-WeCom account mapping.',
    dingtalk: 'Sent through DingTalk: needs each person’s ePaaS-to-DingTalk account mapping.',
  },
  preview: 'Recipient count',
  previewEmpty: 'No recipients chosen yet.',
  previewLoading: 'Counting recipients…',
  previewProgress: (done, total) => `${done} of ${total} departments expanded`,
  previewError: (message) => `Counting failed: ${message}`,
  retry: 'Retry',
  previewTotal: (total) => `${enNumber.format(total)} ${total === 1 ? 'person' : 'people'}`,
  previewByRole: (role, count) => `${enRoles[role]} ${enNumber.format(count)}`,
  previewNoRoles: 'Choose at least one role.',
  unmappedNone: (channel) => `Everyone has a ${channel} account.`,
  unmappedSome: (count, channel) =>
    `${enNumber.format(count)} ${count === 1 ? 'person has' : 'people have'} no ${channel} account and will not get this notice.`,
  unmappedListLabel: (channel) => `Recipients without a ${channel} account`,
  unmappedMore: (count) => `and ${enNumber.format(count)} more`,
  unmappedNamesLoading: 'Looking up names…',
  unmappedNamesError: 'Could not look up the names; showing user IDs.',
  unknownName: (userid) => `User ${userid}`,
  parentOf: (children) => `parent of ${children}`,
  childrenSeparator: ', ',
  send: 'Send',
  errorTitle: 'Enter a title.',
  errorBody: 'Enter a message.',
  errorRoles: 'Choose at least one role.',
  errorRecipients: 'Choose the recipients.',
  errorRecipientsZero: 'Nobody in the selection matches the roles chosen.',
  errorRecipientsPending: 'The recipients are still being counted; send again in a moment.',
  errorRecipientsFailed: 'Counting the recipients failed: retry it under “Recipients”.',
  errorSummary: (count) => `${count} ${count === 1 ? 'field needs' : 'fields need'} attention.`,
  confirmTitle: 'Send this notice?',
  confirmBody: (total, channel) =>
    `It goes to ${enNumber.format(total)} ${total === 1 ? 'person' : 'people'} through ${channel}.`,
  confirmUnmapped: (count, channel) =>
    `${enNumber.format(count)} of them ${count === 1 ? 'has' : 'have'} no ${channel} account and will not get it.`,
  confirmSend: 'Send now',
  cancel: 'Cancel',
  sending: 'Sending…',
  sendError: (message) => `Sending failed: ${message}`,
  sentTitle: 'Notice sent',
  sentBody: (reached, channel) =>
    `Sent to ${enNumber.format(reached)} ${reached === 1 ? 'person' : 'people'} through ${channel}.`,
  sentUnmapped: (count) =>
    `${enNumber.format(count)} ${count === 1 ? 'person' : 'people'} without an account did not get it.`,
  sentId: (id, time) => `Notice ${id} · ${time}`,
  sendAnother: 'Send another',
  valueTitle: 'Value (PickerValue)',
  valueHint:
    'What the picker hands to the backend: a rule (departments + people − exclusions), not a list of people.',
  requestsTitle: 'Requests',
  requestsHint:
    'Every request this page made to the proxy at /api/epaas. Tokens stay on the server; none is visible here.',
  requestsEmpty: 'No requests yet.',
  requestsClear: 'Clear the log',
  requestsCaption: (count) => `${count} ${count === 1 ? 'request' : 'requests'}`,
  columns: {
    time: 'Time',
    source: 'Source',
    request: 'Request',
    body: 'Body',
    status: 'Status',
    duration: 'Duration',
  },
  sources: { picker: 'Picker', resolve: 'Count', names: 'Names', send: 'Send' },
  statusFailed: 'failed',
  statusPending: 'pending',
  durationMs: (ms) => `${ms} ms`,
  errors: {
    unauthorized: 'Your session has expired: reload the page.',
    no_session: 'Your session has expired: reload the page.',
    rate_limited: 'Too many requests: try again in a moment.',
    too_many_recipients: 'Too many recipients.',
    no_recipients: 'Nobody in the selection.',
    not_configured: 'The server has no organisation token for this channel.',
    upstream_error: 'ePaaS answered an error.',
    upstream_timeout: 'ePaaS did not answer in time.',
    upstream_unreachable: 'ePaaS could not be reached.',
  },
  networkError: 'Network error.',
}

/** The texts of each language. */
export const demoMessages: Record<DemoLocale, DemoMessages> = { 'zh-CN': zhCN, 'en-US': enUS }
