/**
 * Stage 6 of `resolve`: the events. Recipients wait in a buffer until a chunk of
 * `recipientsPerChunk` is full (or the resolve ends); each chunk is mapped to the channel, then
 * sent as one `recipients` event: all of it, its unmapped recipients only, or nothing
 * (`recipients` mode). The summary's counts are the same in every mode.
 */
import type { ExpansionCounts } from './expandDepartments.js'
import type { ChannelMapping } from './mapToChannel.js'
import { isUnmapped } from './mapToChannel.js'
import type { RecipientSet } from './createRecipientSet.js'
import type {
  Recipient,
  ResolveProgress,
  ResolveRecipients,
  ResolveSummary,
} from './ResolveEvent.js'
import type { ResolveChannel, ResolveRecipientsMode } from './ResolveInput.js'

/** What the stream is built with. */
export interface ResolveStreamOptions {
  recipientsPerChunk: number
  channel: ResolveChannel
  mode: ResolveRecipientsMode
  /** Maps one chunk to the channel, in place ({@link mapToChannel}). */
  map: (chunk: Recipient[]) => Promise<ChannelMapping>
}

/** The events of one resolve, and the recipients waiting to be sent. */
export interface ResolveStream {
  /** Queues a recipient for the next chunk. */
  push(recipient: Recipient): void
  /**
   * Sends each full chunk waiting, mapped; with `final`, the last partial chunk too. Leaves
   * fewer than `recipientsPerChunk` recipients waiting (none with `final`).
   */
  chunks(final: boolean): AsyncGenerator<ResolveRecipients, void, undefined>
  /** Recipients waiting for their chunk. */
  readonly buffered: number
  /** The progress event for the counts. */
  progress(counts: ExpansionCounts): ResolveProgress
  /** The summary, once everything was sent. */
  summary(
    counts: ExpansionCounts,
    recipients: Pick<RecipientSet, 'total' | 'byRole'>,
  ): ResolveSummary
}

/**
 * Creates the event stream of one resolve.
 *
 * Holds the recipients waiting for their chunk: fewer than `recipientsPerChunk` after
 * {@link ResolveStream.chunks}, so at most one chunk plus the members of the one answer being
 * admitted; and one chunk while it is mapped and sent.
 *
 * @example
 * const stream = createResolveStream({ recipientsPerChunk: 500, channel, mode, map })
 * stream.push(recipient)
 * yield* stream.chunks(false) // nothing until 500 are waiting
 */
export function createResolveStream(options: ResolveStreamOptions): ResolveStream {
  const { recipientsPerChunk: perChunk, channel, mode } = options
  const buffer: Recipient[] = []
  let unmappedCount = 0

  async function* chunks(final: boolean): AsyncGenerator<ResolveRecipients, void, undefined> {
    while (buffer.length >= perChunk || (final && buffer.length > 0)) {
      const chunk = buffer.splice(0, perChunk)
      // Mapped in every mode: the summary counts the unmapped.
      const mapping = await options.map(chunk)
      unmappedCount += mapping.unmappedCount
      if (mode === 'none' || (mode === 'unmapped' && mapping.unmapped.length === 0)) continue
      const recipients = mode === 'all' ? chunk : chunk.filter((r) => isUnmapped(r, channel))
      yield { type: 'recipients', recipients, unmapped: mapping.unmapped }
    }
  }

  return {
    push(recipient) {
      buffer.push(recipient)
    },
    chunks,
    get buffered() {
      return buffer.length
    },
    progress: (counts) => ({
      type: 'progress',
      departments_done: counts.departments_done,
      departments_total: counts.departments_total,
      sub_org_searches_done: counts.sub_org_searches_done,
      sub_org_searches_total: counts.sub_org_searches_total,
    }),
    summary: (counts, recipients) => ({
      type: 'summary',
      complete: true,
      channel,
      total: recipients.total,
      by_role: { ...recipients.byRole },
      unmapped: unmappedCount,
      departments_expanded: counts.departments_total,
      sub_organizations: counts.sub_organizations,
      sub_org_searches: counts.sub_org_searches_done,
    }),
  }
}
