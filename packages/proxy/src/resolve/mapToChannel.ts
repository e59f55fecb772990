/**
 * Stage 5 of `resolve`: the channel's IDs. With `channel: 'wecom' | 'dingtalk'` each recipient gets
 * that platform's ID, or `null` and a place in the `unmapped` list, through the proxy's batched,
 * cached mapping lookups.
 */
import type { MappingLookup } from '../createMappingLookups.js'
import type { Recipient } from './ResolveEvent.js'
import type { ResolveChannel } from './ResolveInput.js'

/** What mapping one chunk found. */
export interface ChannelMapping {
  /** The user IDs without a mapping, each once. */
  unmapped: string[]
  /** How many of the chunk's recipients have no mapping (a user in two roles counts twice). */
  unmappedCount: number
}

/** WeCom's endpoint takes numeric user IDs only; others cannot have a mapping. */
const wecomUserId = /^\d{1,16}$/

/**
 * Sets each recipient's ID on the channel (in place: `qywechat_id`, or `dingtalk_id` and
 * `dingtalk_unionid`), `null` where ePaaS has none. One lookup per chunk; `epaas` looks nothing
 * up. Holds the chunk's answer until it returns.
 *
 * @example
 * const { unmapped } = await mapToChannel(chunk, 'wecom', mapping, signal)
 * chunk[0].qywechat_id // 'zhangsan', or null when `unmapped` lists chunk[0].userid
 */
export async function mapToChannel(
  recipients: Recipient[],
  channel: ResolveChannel,
  mapping: MappingLookup,
  signal: AbortSignal,
): Promise<ChannelMapping> {
  if (channel === 'epaas') return { unmapped: [], unmappedCount: 0 }
  const userids = [...new Set(recipients.map((r) => r.userid))]
  const unmapped: string[] = []
  if (channel === 'wecom') {
    const numeric = userids.filter((id) => wecomUserId.test(id))
    const answer = await mapping('getQywechatUserIds', { userids: numeric }, signal)
    const found = new Map(answer.qywechat_ids.map((m) => [m.userid, m.qywechat_id]))
    for (const r of recipients) {
      r.qywechat_id = found.get(r.userid) ?? null
      if (r.qywechat_id === null) unmapped.push(r.userid)
    }
  } else {
    const answer = await mapping('getDingtalkUserIds', { userids }, signal)
    const found = new Map(answer.data_list.map((m) => [m.userid, m]))
    for (const r of recipients) {
      const m = found.get(r.userid)
      r.dingtalk_id = m?.dingtalk_id ?? null
      r.dingtalk_unionid = m ? m.dingtalk_unionid : null
      if (!m) unmapped.push(r.userid)
    }
  }
  return { unmapped: [...new Set(unmapped)], unmappedCount: unmapped.length }
}

/** Whether a recipient mapped by {@link mapToChannel} has no ID on the channel. */
export function isUnmapped(recipient: Recipient, channel: ResolveChannel): boolean {
  if (channel === 'wecom') return recipient.qywechat_id === null
  if (channel === 'dingtalk') return recipient.dingtalk_id === null
  return false
}
