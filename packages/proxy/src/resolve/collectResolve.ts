import type { Recipient, ResolveEvent, ResolveResult } from './ResolveEvent.js'

/**
 * Runs a resolve to the end and collects every recipient. Throws on any failure, and when the
 * events end without a summary.
 *
 * @example
 * const { recipients, unmapped, summary } = await collectResolve(resolveRecipients(input, deps))
 */
export async function collectResolve(events: AsyncIterable<ResolveEvent>): Promise<ResolveResult> {
  const recipients: Recipient[] = []
  const unmapped: string[] = []
  for await (const event of events) {
    if (event.type === 'recipients') {
      recipients.push(...event.recipients)
      unmapped.push(...event.unmapped)
    } else if (event.type === 'summary') {
      return { recipients, unmapped: [...new Set(unmapped)], summary: event }
    }
  }
  throw new Error('resolve ended without a summary')
}
