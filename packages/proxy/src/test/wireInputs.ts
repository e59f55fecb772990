/**
 * Generated HTTP requests as bytes, for the wire fuzzer: request lines and `Host` headers that
 * are not URLs, odd methods and versions, oversized, duplicate and invalid headers, bodies with
 * correct, missing, conflicting, short and broken (chunked) framing, and clients that wait, leave
 * halfway, half-close or trickle.
 */
import fc from 'fast-check'
import type { ClientBehaviour } from './wireExchange.js'

/** One generated exchange. */
export interface WireInput {
  method: string
  target: string
  /** The `Host` header lines sent, in order. */
  host: readonly string[]
  /** The bytes sent. */
  bytes: Buffer
  behaviour: ClientBehaviour
  /** For `leave`: how many bytes are written before leaving. */
  cutAt: number
  /** A short description for failure reports. */
  label: string
}

const routePaths = [
  '/api/epaas/campus/department/select',
  '/api/epaas/department/user/get',
  '/api/epaas/user/qywechat/get_qywx_corpid',
  '/api/epaas/user/qywechat/get_qywechat_ids',
  '/api/epaas/resolve',
  '/api/epaas/nope',
  '/api/epaas',
]

const target = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...routePaths) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...routePaths), fc.constantFrom('?%zz', '?a=%', '?', '?x=1&x=2', '#f'))
      .map(([path, tail]) => path + tail),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '//%zz/api/epaas/campus/department/select',
      '//evil.example/api/epaas/resolve',
      'http://app.test/api/epaas/campus/department/select',
      'http://%zz/api/epaas/resolve',
      'https://[::1/api/epaas/resolve',
      '*',
      '/api/epaas/%zz',
      '/api/epaas/%2e%2e/%2e%2e/etc',
      '/api/epaas/campus/department/select/',
      '/api/epaas//campus/department/select',
      'api/epaas/resolve',
      '/api/epaas/\u00e9',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 40 }).map((tail) => `/api/epaas/${tail}`),
  },
)

const method = fc.oneof(
  { weight: 8, arbitrary: fc.constant('POST') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'GET',
      'HEAD',
      'PUT',
      'DELETE',
      'OPTIONS',
      'PATCH',
      'TRACE',
      'TRACK',
      'CONNECT',
      'M-SEARCH',
      'FOO',
      'post',
      'P OST',
      '',
    ),
  },
)

const version = fc.oneof(
  { weight: 12, arbitrary: fc.constant('HTTP/1.1') },
  { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTPS/1.1', '') },
)

const host = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(['app.test'], ['127.0.0.1:8080']) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      ['%zz'],
      ['[::1'],
      ['a b'],
      ['a/b'],
      ['u@h'],
      ['a?b'],
      ['a#b'],
      [''],
      [':::'],
      ['localhost:99999'],
      ['x'.repeat(300)],
      [],
      ['app.test', 'evil.example'],
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((h) => [h]) },
)

const header = (name: string, values: string[]) => fc.constantFrom(...values).map((v) => [name, v])

const extraHeaders = fc.array(
  fc.oneof(
    header('content-type', [
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      '',
      'application/json; charset=latin1',
      'application/problem+json',
      ';;;',
    ]),
    header('x-epaas-proxy', ['1', '']),
    header('x-test-user-token', ['__token__', 'not-a-token', '']),
    header('origin', ['http://app.test', 'https://evil.example', 'null', '%zz', 'http://[::1']),
    header('sec-fetch-site', ['same-origin', 'cross-site', 'same-site', 'none', 'bogus']),
    header('expect', ['100-continue', 'nonsense']),
    header('connection', ['close', 'keep-alive', 'upgrade']),
    header('upgrade', ['websocket', 'h2c']),
    header('content-encoding', ['gzip', 'br']),
    fc.constant(['x-big', 'v'.repeat(20_000)]),
    fc.constant(['x-many', 'y']).chain((h) => fc.constant(Array(150).fill(h).flat())),
    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 30 })),
  ),
  { maxLength: 6 },
)

const validBodies = [
  '{"id":0}',
  '{"id":"0","select_type":3}',
  '{"userids":["1","2"]}',
  '{"department_id":"1","role":12}',
  '{"value":{"departments":[{"corpid":"1","id":"1"}],"users":[],"excluded":[]}}',
  '{}',
]

const body = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...validBodies) },
  { weight: 1, arbitrary: fc.constantFrom('', '{oops', 'null', '[]', '"x"', '{"id":1e999}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 80 }).map((b) => Buffer.from(b).toString('latin1')),
  },
  { weight: 1, arbitrary: fc.constant(`{"id":"${'9'.repeat(5000)}"}`) },
)

/** How the body is framed. */
type Framing = 'length' | 'chunked' | 'broken-chunked' | 'none' | 'short' | 'long' | 'conflicting'

const framing = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Framing>('length') },
  { weight: 3, arbitrary: fc.constant<Framing>('chunked') },
  { weight: 3, arbitrary: fc.constant<Framing>('broken-chunked') },
  { weight: 1, arbitrary: fc.constant<Framing>('none') },
  { weight: 1, arbitrary: fc.constant<Framing>('short') },
  { weight: 1, arbitrary: fc.constant<Framing>('long') },
  { weight: 1, arbitrary: fc.constant<Framing>('conflicting') },
)

const behaviour = fc.oneof(
  { weight: 10, arbitrary: fc.constant<ClientBehaviour>('wait') },
  { weight: 2, arbitrary: fc.constant<ClientBehaviour>('leave') },
  { weight: 2, arbitrary: fc.constant<ClientBehaviour>('half-close') },
  { weight: 1, arbitrary: fc.constant<ClientBehaviour>('slow') },
)

function frame(
  text: string,
  how: Framing,
  brokenAt: number,
): { headers: string[][]; payload: string } {
  const length = Buffer.byteLength(text, 'latin1')
  switch (how) {
    case 'length':
      return { headers: [['content-length', String(length)]], payload: text }
    case 'chunked':
      return {
        headers: [['transfer-encoding', 'chunked']],
        payload: `${length.toString(16)}\r\n${text}\r\n0\r\n\r\n`,
      }
    case 'broken-chunked': {
      const broken = [
        `zz\r\n${text}\r\n0\r\n\r\n`,
        `${(length + 5).toString(16)}\r\n${text}\r\n0\r\n\r\n`,
        `${length.toString(16)}\r\n${text}0\r\n\r\n`,
        `${length.toString(16)}\n${text}\n0\n\n`,
        `${length.toString(16)};ext="\r\n${text}\r\n0\r\n\r\n`,
        `-1\r\n${text}\r\n0\r\n\r\n`,
        `${length.toString(16)}\r\n${text}\r\n`,
        `fffffffffffffffff\r\n${text}`,
      ]
      return {
        headers: [['transfer-encoding', 'chunked']],
        payload: broken[brokenAt % broken.length] as string,
      }
    }
    case 'none':
      return { headers: [], payload: text }
    case 'short':
      return { headers: [['content-length', String(length + 10)]], payload: text }
    case 'long':
      return {
        headers: [['content-length', String(Math.max(0, length - 3))]],
        payload: `${text}GET / HTTP/1.1\r\n\r\n`,
      }
    case 'conflicting':
      return {
        headers: [
          ['content-length', String(length)],
          [
            brokenAt % 2 ? 'content-length' : 'transfer-encoding',
            brokenAt % 2 ? String(length + 1) : 'chunked',
          ],
        ],
        payload: text,
      }
  }
}

/** Generated wire inputs; `__token__` in a header stands for a valid user token. */
export function wireInputs(userToken: string) {
  return fc
    .record({
      method,
      target,
      version,
      host,
      extraHeaders,
      body,
      framing,
      behaviour,
      cut: fc.nat(),
      brokenAt: fc.nat(),
    })
    .map((g): WireInput => {
      const framed = frame(g.body, g.framing, g.brokenAt)
      const lines = [`${g.method} ${g.target} ${g.version}`.trimEnd()]
      for (const h of g.host) lines.push(`Host: ${h}`)
      // A valid session and the CSRF header on most, so that many inputs get past the guards.
      lines.push(`x-test-user-token: ${userToken}`, 'x-epaas-proxy: 1')
      for (const pair of g.extraHeaders) {
        for (let i = 0; i + 1 < pair.length; i += 2) {
          lines.push(`${pair[i]}: ${String(pair[i + 1]).replace('__token__', userToken)}`)
        }
      }
      if (!g.extraHeaders.some(([name]) => name === 'content-type'))
        lines.push('content-type: application/json')
      for (const [name, value] of framed.headers) lines.push(`${name}: ${value}`)
      const bytes = Buffer.from(`${lines.join('\r\n')}\r\n\r\n${framed.payload}`, 'latin1')
      return {
        method: g.method,
        target: g.target,
        host: g.host,
        bytes,
        behaviour: g.behaviour,
        cutAt: bytes.length === 0 ? 0 : g.cut % bytes.length,
        label: `${g.method} ${g.target.slice(0, 60)} host=${JSON.stringify(g.host).slice(0, 40)} framing=${g.framing} client=${g.behaviour}`,
      }
    })
}
