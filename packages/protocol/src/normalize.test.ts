import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MalformedResponseError,
  normalizeId,
  normalizeResponse,
  normalizeSelectNode,
} from './normalize.js'

/** An ID as upstream may send it: a non-negative integer or its decimal string. */
const upstreamId = fc.oneof(
  fc.nat({ max: Number.MAX_SAFE_INTEGER }),
  fc.nat({ max: Number.MAX_SAFE_INTEGER }).map(String),
)

const wireNode = fc.record({
  id: upstreamId,
  name: fc.string(),
  id_type: fc.constantFrom(1, 2),
  corpid: upstreamId,
  select_node_type: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.string({ minLength: 1 })),
  parent_id: upstreamId,
  path: fc.string(),
  id_path: fc.array(upstreamId, { maxLength: 6 }),
  role_id: fc.constantFrom(0, 11, 12, 13),
  disabled: fc.boolean(),
  is_parent: fc.boolean(),
  child_id: upstreamId,
  has_sub_org: fc.constantFrom(0, 1),
  users_total: fc.nat(),
})

describe('normalizeId', () => {
  it('turns numbers and numeric strings into the same string', () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(normalizeId(n)).toBe(String(n))
        expect(normalizeId(String(n))).toBe(String(n))
      }),
    )
  })

  it('rejects values that are not IDs, naming the field', () => {
    expect(() => normalizeId({}, 'node_list[3].id')).toThrow(/node_list\[3\]\.id: expected an ID/)
    expect(() => normalizeId(true, 'x')).toThrow(MalformedResponseError)
  })
})

describe('normalizeSelectNode', () => {
  it('gives every ID as a string, whatever the upstream type, and keeps select_node_type as sent', () => {
    fc.assert(
      fc.property(wireNode, (wire) => {
        const node = normalizeSelectNode(wire)
        expect(node.id).toBe(String(wire.id))
        expect(node.corpid).toBe(String(wire.corpid))
        expect(node.parent_id).toBe(String(wire.parent_id))
        expect(node.id_path).toEqual(wire.id_path.map(String))
        expect(node.child_id).toBe(String(wire.child_id) === '0' ? '' : String(wire.child_id))
        expect(node.select_node_type).toBe(wire.select_node_type)
        expect(node.has_sub_org).toBe(wire.has_sub_org === 1)
        for (const value of Object.values(node)) expect(value).not.toBeUndefined()
      }),
    )
  })

  it('is idempotent: a normalised node normalises to itself (a proxy answer reads unchanged)', () => {
    fc.assert(
      fc.property(wireNode, (wire) => {
        const once = normalizeSelectNode(wire)
        expect(normalizeSelectNode(JSON.parse(JSON.stringify(once)))).toEqual(once)
      }),
    )
  })

  it('fills absent fields with the documented zero values', () => {
    const node = normalizeSelectNode({ id: 1, select_node_type: 1 })
    expect(node).toMatchObject({
      id_path: [],
      name: '',
      child_id: '',
      users_total: 0,
      disabled: false,
    })
  })
})

describe('normalizeResponse', () => {
  it('hides the usersInfos / userInfos casing behind users_infos / user_infos', () => {
    const answer = normalizeResponse('getUserIdsByQywechat', {
      errcode: 0,
      errmsg: 'ok',
      usersInfos: [
        { qywechat_id: 'SC_1', userInfos: [{ corpid: 100001, userid: '30048601', role_id: 11 }] },
        { qywechat_id: 'nope', userInfos: [] },
      ],
    })
    expect(answer.users_infos).toEqual([
      { qywechat_id: 'SC_1', user_infos: [{ corpid: '100001', userid: '30048601', role_id: 11 }] },
      { qywechat_id: 'nope', user_infos: [] },
    ])
  })

  it('renames roleId and dingtalk_appId to snake_case', () => {
    const users = normalizeResponse('getDepartmentUsers', {
      errcode: 0,
      errmsg: 'ok',
      user_infos: [
        { userid: '30010756', roleId: 13, child_id: '30011403', department_ids: [6066987] },
      ],
    })
    expect(users.user_infos[0]).toEqual({
      userid: '30010756',
      role_id: 13,
      child_id: '30011403',
      department_ids: ['6066987'],
    })
    const token = normalizeResponse('getDingtalkToken', {
      errcode: 0,
      errmsg: 'ok',
      dingtalk_token: 't',
      expires_in: 6950,
      dingtalk_corpid: 'ding1',
      dingtalk_appId: 'app1',
    })
    expect(token.dingtalk_app_id).toBe('app1')
  })

  it('turns a missing list into [] and a list of the wrong type into an error', () => {
    expect(normalizeResponse('selectDepartments', { errcode: 0, errmsg: 'ok' }).node_list).toEqual(
      [],
    )
    expect(() => normalizeResponse('selectDepartments', { errcode: 0, node_list: 'x' })).toThrow(
      /node_list: expected an array/,
    )
    expect(() => normalizeResponse('selectDepartments', [])).toThrow(/body: expected an object/)
  })
})
