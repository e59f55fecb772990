/**
 * The event stream: chunks of `recipientsPerChunk`, each mapped (through the mapping lookups
 * against the mock in process) and cut by `recipients` mode, and a summary whose counts are the
 * same in every mode.
 */
import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { stageUpstream } from '../test/stageUpstream.js'
import { createRecipientSet } from './createRecipientSet.js'
import { createResolveStream } from './createResolveStream.js'
import { plannedCounts } from './expandDepartments.js'
import { mapToChannel } from './mapToChannel.js'
import type { ResolveRecipients } from './ResolveEvent.js'
import type { ResolveRecipientsMode } from './ResolveInput.js'

const { data, mapping } = stageUpstream('small')
const people = data.users.filter((u) => u.roles.includes(Role.Teacher)).slice(0, 25)
const withoutWecom = people.filter((u) => !u.qywechatId).length

async function run(mode: ResolveRecipientsMode, perChunk = 10) {
  const recipients = createRecipientSet({
    maxRecipients: 100,
    roles: undefined,
    isRemoved: () => false,
  })
  const stream = createResolveStream({
    recipientsPerChunk: perChunk,
    channel: 'wecom',
    mode,
    map: (chunk) => mapToChannel(chunk, 'wecom', mapping, new AbortController().signal),
  })
  const events: ResolveRecipients[] = []
  const waiting: number[] = []
  for (const u of people) {
    const recipient = recipients.admit({
      corpid: String(u.corpid),
      userid: String(u.userid),
      role_id: Role.Teacher,
      child_ids: [],
    })
    stream.push(recipient!)
    for await (const event of stream.chunks(false)) events.push(event)
    waiting.push(stream.buffered)
  }
  for await (const event of stream.chunks(true)) events.push(event)
  const counts = plannedCounts({ departmentKeys: new Set(), searches: [] })
  return { events, waiting, buffered: stream.buffered, summary: stream.summary(counts, recipients) }
}

describe('createResolveStream', () => {
  it('sends chunks of recipientsPerChunk, mapped, and the rest at the end', async () => {
    expect(withoutWecom).toBeGreaterThan(0)
    const { events, waiting, buffered, summary } = await run('all')
    expect(events.map((e) => e.recipients.length)).toEqual([10, 10, 5])
    expect(Math.max(...waiting)).toBeLessThan(10)
    expect(buffered).toBe(0)
    expect(events.flatMap((e) => e.recipients.map((r) => r.qywechat_id))).toEqual(
      people.map((u) => u.qywechatId),
    )
    expect(summary).toMatchObject({ type: 'summary', complete: true, channel: 'wecom', total: 25 })
    expect(summary.unmapped).toBe(withoutWecom)
    expect(summary.by_role).toEqual({ '11': 0, '12': 25, '13': 0 })
  })

  it('sends only the unmapped recipients in unmapped mode, none in none mode, with the same summary', async () => {
    const all = await run('all')
    const onlyUnmapped = await run('unmapped')
    const none = await run('none')
    expect(onlyUnmapped.events.flatMap((e) => e.recipients.map((r) => r.userid))).toEqual(
      people.filter((u) => !u.qywechatId).map((u) => String(u.userid)),
    )
    expect(onlyUnmapped.events.every((e) => e.recipients.length > 0)).toBe(true)
    expect(onlyUnmapped.events.flatMap((e) => e.unmapped)).toEqual(
      all.events.flatMap((e) => e.unmapped),
    )
    expect(none.events).toEqual([])
    expect(onlyUnmapped.summary).toEqual(all.summary)
    expect(none.summary).toEqual(all.summary)
  })
})
