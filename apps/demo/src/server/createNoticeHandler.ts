/**
 * `POST /api/notices`: the demo's (mock) send. The browser hands over the notice and the picker's
 * value, the server resolves the value into recipients through the proxy's server client (the same
 * `resolve` the page previewed) and "delivers" it: here, a log line. A real app queues the
 * recipients for its WeCom / DingTalk / ePaaS message API at this point.
 */
import type { EpaasProxy, ResolveSummary } from '@epaas-picker/proxy'
import { ProxyError } from '@epaas-picker/proxy'
import { EpaasError, EpaasRequestError } from '@epaas-picker/protocol'
import { z } from 'zod'
import type { DemoSession } from './DemoSessions.js'

/** What the send answers: the notice as delivered. */
export interface SentNotice {
  /** Sequential ID of the notice in this server's life. */
  id: number
  title: string
  channel: ResolveSummary['channel']
  /** ISO 8601 time of the send. */
  sent_at: string
  /** Every recipient the selection resolved to. */
  recipients: number
  /** Recipients by role (students 11, teachers 12, parents 13). */
  by_role: ResolveSummary['by_role']
  /** Recipients the message went to: all but the unmapped ones. */
  reached: number
  /** Recipients without an account on the channel, who were not reached. */
  unmapped: number
}

/** Options of {@link createNoticeHandler}. */
export interface NoticeHandlerOptions {
  proxy: EpaasProxy
  /** The signed-in session of a request, or `undefined` (401). */
  getSession: (request: Request) => DemoSession | undefined
  /** Where the "delivery" is reported. Default: nowhere. */
  onSent?: (notice: SentNotice) => void
}

const noticeSchema = z.object({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(5000),
  channel: z.enum(['epaas', 'wecom', 'dingtalk']),
  role_ids: z
    .array(z.union([z.literal(11), z.literal(12), z.literal(13)]))
    .min(1)
    .max(3),
  // The proxy validates the value itself (shape, ID formats, list lengths).
  value: z.object({
    departments: z.array(z.any()),
    users: z.array(z.any()),
    excluded: z.array(z.any()),
  }),
})

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })

const fail = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } })

/**
 * The send route as a web-standard handler (mounted with the proxy's Node adapter helpers).
 *
 * @example
 * const send = createNoticeHandler({ proxy, getSession })
 * const response = await send(new Request('http://localhost/api/notices', { method: 'POST', ... }))
 */
export function createNoticeHandler(options: NoticeHandlerOptions) {
  let nextId = 1
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') {
      return new Response(null, { status: 405, headers: { allow: 'POST' } })
    }
    // The same cross-site rule as the proxy's: a JSON body and a same-origin fetch.
    const site = request.headers.get('sec-fetch-site')
    if (site !== null && site !== 'same-origin' && site !== 'none') {
      return fail(403, 'csrf_rejected', 'cross-site request refused')
    }
    if (!request.headers.get('content-type')?.startsWith('application/json')) {
      return fail(415, 'unsupported_media_type', 'send application/json')
    }
    const session = options.getSession(request)
    if (!session) return fail(401, 'unauthorized', 'no session: reload the page to sign in again')

    let input: z.output<typeof noticeSchema>
    try {
      const parsed = noticeSchema.safeParse(await request.json())
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return fail(400, 'invalid_body', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`)
      }
      input = parsed.data
    } catch {
      return fail(400, 'invalid_json', 'the body is not JSON')
    }

    try {
      const { summary } = await options.proxy.client.resolveAll(
        { value: input.value, role_ids: input.role_ids, channel: input.channel },
        { userToken: session.userToken, signal: request.signal },
      )
      if (summary.total === 0) {
        return fail(422, 'no_recipients', 'the selection resolves to nobody')
      }
      const notice: SentNotice = {
        id: nextId++,
        title: input.title,
        channel: summary.channel,
        sent_at: new Date().toISOString(),
        recipients: summary.total,
        by_role: summary.by_role,
        reached: summary.total - summary.unmapped,
        unmapped: summary.unmapped,
      }
      options.onSent?.(notice)
      return json(200, { notice })
    } catch (error) {
      if (error instanceof ProxyError) return fail(error.status, error.code, error.message)
      // Upstream details stay in the server log; the page gets a code it can word itself.
      if (error instanceof EpaasError) {
        return fail(502, 'upstream_error', `ePaaS answered errcode ${error.errcode}`)
      }
      if (error instanceof EpaasRequestError) {
        const timeout = error.kind === 'timeout'
        return timeout
          ? fail(504, 'upstream_timeout', 'ePaaS did not answer in time')
          : fail(502, 'upstream_unreachable', 'ePaaS could not be reached')
      }
      throw error
    }
  }
}
