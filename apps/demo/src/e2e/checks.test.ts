/** The end-to-end checkers catch what they are meant to catch. */
import { describe, expect, test } from 'vitest'
import type { Exchange } from './browser.js'
import { checkSelectEcho, exchangeTexts, findSecrets } from './checks.js'

let seq = 0
const select = (body: object, nodes: object[] = []): Exchange => ({
  method: 'POST',
  url: 'http://127.0.0.1:5173/api/epaas/campus/department/select',
  requestHeaders: {},
  requestBody: JSON.stringify(body),
  status: 200,
  responseHeaders: {},
  responseBody: JSON.stringify({ errcode: 0, node_list: nodes }),
  requestSeq: seq++,
  responseSeq: seq++,
})
const node = (id: string, type: number, corpid = '890000') => ({
  id,
  corpid,
  select_node_type: type,
})

describe('checkSelectEcho', () => {
  test('a faithful walk passes', () => {
    const result = checkSelectEcho([
      select({ id: '0' }, [node('1', 3), node('2', 3)]),
      select({ id: '1', select_node_type: 3, corpid: '890000' }, [node('5', 6, '800001')]),
      select({ id: '5', select_node_type: 6, corpid: '800001' }),
    ])
    expect(result).toMatchObject({ expansions: 2, problems: [] })
  })

  test('a wrong or missing echo, a wrong corpid, an unknown node and a typed top are caught', () => {
    const { problems } = checkSelectEcho([
      select({ id: '0', select_node_type: 1 }, [node('1', 3), node('5', 6, '800001')]),
      select({ id: '1', select_node_type: '3' }),
      select({ id: '1' }),
      select({ id: '5', select_node_type: 6, corpid: '890000' }),
      select({ id: '9', select_node_type: 6 }),
    ])
    expect(problems).toHaveLength(5)
  })

  test('a node must have been received before it is expanded', () => {
    const early = select({ id: '1', select_node_type: 3 })
    const top = select({ id: '0' }, [node('1', 3)])
    expect(checkSelectEcho([early, top]).problems).toHaveLength(1)
  })
})

describe('findSecrets', () => {
  test('finds a secret in a URL, a header or a body, and says where', () => {
    const exchange = select({ id: '0' })
    exchange.responseHeaders = { 'x-debug': 'token abcdef0123456789' }
    expect(
      findSecrets(['abcdef0123456789', 'not-there-at-all'], exchangeTexts([exchange])),
    ).toEqual([expect.stringContaining('(response headers)')])
    expect(findSecrets(['secret-in-html-0001'], [['page', '<p>secret-in-html-0001</p>']])).toEqual([
      'secret… in page',
    ])
  })
})
