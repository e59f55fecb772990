/**
 * Channel mapping on the mock's people, through the proxy's mapping lookups against the mock in
 * process: the platform's IDs where ePaaS has them, `null` and the unmapped list where not.
 */
import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { stageUpstream } from '../test/stageUpstream.js'
import { isUnmapped, mapToChannel } from './mapToChannel.js'
import type { Recipient } from './ResolveEvent.js'

const { mock, data, mapping } = stageUpstream('small')
const signal = new AbortController().signal
const mapped = data.users.filter((u) => u.qywechatId && u.dingtalkId).slice(0, 3)
const unmapped = data.users.filter((u) => !u.qywechatId && !u.dingtalkId).slice(0, 2)
const recipient = (userid: number | string, role: Role = Role.Teacher): Recipient => ({
  corpid: String(data.topCorpid),
  userid: String(userid),
  role_id: role,
  child_ids: [],
})

describe('mapToChannel', () => {
  it("sets each recipient's WeCom ID, null and unmapped where there is none", async () => {
    const chunk = [
      ...mapped.map((u) => recipient(u.userid)),
      ...unmapped.map((u) => recipient(u.userid)),
      recipient(unmapped[0]!.userid, Role.Parent),
    ]
    const result = await mapToChannel(chunk, 'wecom', mapping, signal)
    expect(chunk.map((r) => r.qywechat_id)).toEqual([
      ...mapped.map((u) => u.qywechatId),
      null,
      null,
      null,
    ])
    // A person in two roles is listed once, and counted per recipient.
    expect(result).toEqual({ unmapped: unmapped.map((u) => String(u.userid)), unmappedCount: 3 })
    expect(chunk.map((r) => isUnmapped(r, 'wecom'))).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ])
  })

  it('sets the DingTalk ID and union ID', async () => {
    const chunk = [recipient(mapped[0]!.userid), recipient(unmapped[0]!.userid)]
    const result = await mapToChannel(chunk, 'dingtalk', mapping, signal)
    expect(chunk[0]).toMatchObject({
      dingtalk_id: mapped[0]!.dingtalkId,
      dingtalk_unionid: mapped[0]!.dingtalkUnionid,
    })
    expect(chunk[1]).toMatchObject({ dingtalk_id: null, dingtalk_unionid: null })
    expect(result).toEqual({ unmapped: [String(unmapped[0]!.userid)], unmappedCount: 1 })
  })

  it('looks nothing up for epaas, and never sends WeCom a user ID that is not numeric', async () => {
    mock.resetLog()
    const chunk = [recipient(mapped[0]!.userid)]
    expect(await mapToChannel(chunk, 'epaas', mapping, signal)).toEqual({
      unmapped: [],
      unmappedCount: 0,
    })
    expect(chunk[0]).not.toHaveProperty('qywechat_id')
    expect(isUnmapped(chunk[0]!, 'epaas')).toBe(false)
    expect(mock.callCount()).toBe(0)

    const odd = [recipient('zhang.san')]
    expect(await mapToChannel(odd, 'wecom', mapping, signal)).toEqual({
      unmapped: ['zhang.san'],
      unmappedCount: 1,
    })
    expect(odd[0]!.qywechat_id).toBeNull()
    expect(mock.requests.every((r) => !JSON.stringify(r).includes('zhang.san'))).toBe(true)
  })
})
