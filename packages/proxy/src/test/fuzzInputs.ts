/**
 * Generated requests for fuzzing the handler: per route, a body built from the mock's real data
 * (so that some inputs get through validation and reach upstream), then bent in one of many ways
 * (wrong types, huge arrays, deep nesting, unicode, prototype keys, invalid JSON, no body),
 * with random headers, query strings and methods around it.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import fc from 'fast-check'
import type { RouteName } from '../routes.js'

/** One generated request, relative to the proxy's base path. */
export interface FuzzInput {
  /** What kind of body this is (for the tallies printed after a run). */
  kind: string
  method: string
  /** The route's path, possibly bent (trailing slash, case). */
  path: string
  query: [string, string][]
  headers: [string, string][]
  /** Raw bytes, so that no content type is added behind our back. */
  body: Uint8Array<ArrayBuffer> | undefined
}

/** What the generated requests may carry that is valid: the mock's tokens and IDs. */
export interface FuzzContext {
  data: Dataset
  /** A valid user token (sent in the session header). */
  userToken: string
  /** A token the mock has revoked. */
  revokedToken: string
  /** The header the test proxy reads the user token from. */
  sessionHeader: string
}

type Json = unknown

/** A piece of JSON text inserted as is (deep nesting, numbers JSON.stringify cannot write). */
class RawJson {
  constructor(readonly text: string) {}
  // JSON.stringify calls this natively (a replacer function would be called for every value).
  toJSON() {
    pendingRaws.push(this.text)
    return `\u0000raw${pendingRaws.length - 1}\u0000`
  }
}
let pendingRaws: string[] = []

const encoder = new TextEncoder()

/** JSON text of a value that may contain {@link RawJson} pieces and own `__proto__` keys. */
export function toJsonText(value: Json): string {
  pendingRaws = []
  const text = JSON.stringify(value) as string | undefined
  const raws = pendingRaws
  pendingRaws = []
  // JSON.stringify of undefined (a dropped top-level value) answers undefined.
  if (text === undefined) return ''
  if (raws.length === 0) return text
  return text.replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] ?? 'null')
}

/** An object with `key` as an own enumerable property, even for `__proto__`. */
function withKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
  return target
}

// ---------------------------------------------------------------------------------------------
// Leaves

const dangerousKeys = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
]

/** Strings over all of Unicode (astral planes, combining marks, RTL, NUL, lone surrogates). */
const unicodeString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udfff',
    '\u202e',
    '\ufeff',
    '😀',
    '張三',
    '三年级(1)班',
    'é',
    'e\u0301',
    '١٢٣',
    '１２３',
    '𝟏𝟐𝟑',
    ' 123',
    '123 ',
    '0x1F',
    '1e3',
    '-1',
    '+1',
    '1.0',
    'NaN',
    'Infinity',
    '',
  ),
)

/** Numbers that break naive code: huge, negative, fractional, unsafe integers, -0. */
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    -0,
    -1,
    0.5,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    1e21,
    -1e21,
    4294967296,
  ),
  // Numbers JSON.stringify cannot write but JSON.parse reads (as Infinity, or rounded).
  fc
    .constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1E2', '0.0000001')
    .map((text) => new RawJson(text)),
)

/** Any JSON value, small. */
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3, depthSize: 'small' }),
  nastyNumber,
  unicodeString,
  fc.constantFrom(null, true, false, [], {}, [[]], [{}], ''),
)

/** `[[[[...]]]]` or `{"a":{"a":...}}`, `depth` levels (as text: too deep for JSON.stringify). */
const deepNesting = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1000, max: 20_000 })),
    shape: fc.constantFrom('array', 'object', 'proto'),
  })
  .map(({ depth, shape }) => {
    if (shape === 'array') return new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`)
    const key = shape === 'object' ? 'a' : '__proto__'
    return new RawJson(`${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`)
  })

/** A huge array (built directly: thousands of fast-check values would be slow). */
const hugeArray = fc
  .record({
    length: fc.oneof(
      fc.integer({ min: 1001, max: 1200 }),
      fc.integer({ min: 4990, max: 5100 }),
      fc.integer({ min: 5000, max: 20_000 }),
    ),
    fill: fc.constantFrom<Json>(1, '1', 'x', 0, null, {}, [], 3029001, '30010001', 11),
    sequential: fc.boolean(),
  })
  .map(({ length, fill, sequential }) =>
    Array.from({ length }, (_, i) => (sequential ? 30_010_000 + i : fill)),
  )

// ---------------------------------------------------------------------------------------------
// Valid-looking bodies from the mock's data

function pools(data: Dataset) {
  const departments = data.departments
  const classes = departments.filter((d) => d.childIds.length === 0).slice(0, 60)
  const users = data.users.slice(0, 400)
  const idOf = (n: number) => fc.oneof(fc.constant(n), fc.constant(String(n)))
  const department = fc.constantFrom(...departments)
  const departmentId = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...classes).chain((d) => idOf(d.id)) },
    { weight: 2, arbitrary: department.chain((d) => idOf(d.id)) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).chain(idOf) },
  )
  // Resolving a class is cheap; resolving the whole school 10,000 times would only be slow.
  const classId = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...classes).chain((d) => idOf(d.id)) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).chain(idOf) },
  )
  const user = fc.constantFrom(...users)
  const userId = fc.oneof(
    { weight: 6, arbitrary: user.chain((u) => idOf(u.userid)) },
    { weight: 1, arbitrary: fc.nat({ max: 99_999_999 }).chain(idOf) },
  )
  const corpid = fc.oneof(
    { weight: 5, arbitrary: idOf(data.topCorpid) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.nat({ max: 9_999_999 }).chain(idOf) },
  )
  // Valid in type, unknown or odd in value: the mutations below take care of wrong types.
  const opaque = (values: (string | number | null)[]) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...values.filter((v) => v !== null)) },
      { weight: 1, arbitrary: unicodeString.filter((s) => s.length > 0 && s.length <= 128) },
      { weight: 1, arbitrary: fc.nat().map(String) },
    )
  const role = fc.constantFrom(11, 12, 13)
  const list = <T>(item: fc.Arbitrary<T>, max = 8) => fc.array(item, { maxLength: max })
  const bool = fc.boolean()
  return {
    data,
    department,
    departmentId,
    classId,
    user,
    userId,
    corpid,
    opaque,
    role,
    list,
    bool,
  }
}

type Pools = ReturnType<typeof pools>

/** Drops the keys whose value is `undefined` (an absent optional field). */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))
}

function selectBody(p: Pools) {
  const expand = p.department.map((d) => ({
    id: d.id,
    select_node_type: d.kind,
    corpid: String(d.corpid),
  }))
  const target = fc.oneof(
    { weight: 3, arbitrary: fc.constant({ id: 0 }) },
    { weight: 5, arbitrary: expand },
    {
      weight: 2,
      arbitrary: fc.record({
        id: p.departmentId,
        select_node_type: fc.oneof(fc.integer({ min: -1, max: 12 }), unicodeString),
        corpid: p.corpid,
      }),
    },
  )
  const filters = fc.record(
    {
      department_type_list: p.list(fc.constantFrom(0, 1, 2, 7, 8, 9, 10, 11), 5),
      select_type: fc.constantFrom(0, 1, 2),
      key: fc.oneof(
        p.user.map((u) => u.name.slice(0, 1 + (u.userid % 2))),
        p.user.map((u) => u.phone),
        unicodeString.filter((s) => s.length <= 100),
      ),
      search_type: fc.constantFrom(0, 3),
      select_tag_list: p.list(fc.constantFrom(1, 4, 5, 10), 5),
      select_role_list: p.list(p.role, 4),
      is_include_sub_org: p.bool,
      is_show_root: p.bool,
      is_get_all_student: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
      hide_creator: p.bool,
      need_users_total: p.bool,
    },
    { requiredKeys: [] },
  )
  return fc.tuple(target, filters).map(([t, f]) => compact({ ...t, ...f }))
}

function departmentUsersBody(p: Pools) {
  return fc
    .record(
      {
        role_ids: p.list(p.role, 4),
        org_department_info_list: fc.array(
          fc.record(
            {
              corpid: p.corpid,
              department_ids: fc.array(p.departmentId, { minLength: 1, maxLength: 4 }),
            },
            { requiredKeys: ['department_ids'] },
          ),
          { minLength: 1, maxLength: 3 },
        ),
        hide_creator: p.bool,
        need_depart: fc.constantFrom(0, 1),
      },
      { requiredKeys: ['org_department_info_list'] },
    )
    .map(compact)
}

function mappingBody(p: Pools, route: RouteName) {
  const { data } = p
  const departments = data.departments.slice(0, 200)
  const users = data.users.slice(0, 400)
  switch (route) {
    case 'getQywechatDepartmentIds':
      return fc.record({ department_ids: p.list(p.departmentId, 20) })
    case 'getQywechatUserIds':
      return fc.record({ userids: p.list(p.userId, 20) })
    case 'getDepartmentIdsByQywechat':
      return fc
        .record(
          {
            qywechat_ids: p.list(p.opaque(departments.map((d) => d.qywechatId)), 20),
            qywechat_department_type: fc.constantFrom(1, 2),
          },
          { requiredKeys: ['qywechat_ids'] },
        )
        .map(compact)
    case 'getUserIdsByQywechat':
      return fc.record({ qywechat_ids: p.list(p.opaque(users.map((u) => u.qywechatId)), 20) })
    case 'getDingtalkDepartmentIds':
      return fc.record({ depart_ids: p.list(p.departmentId, 20) })
    case 'getDingtalkUserIds':
      return fc.record({ userids: p.list(p.userId, 20) })
    case 'getDepartmentIdsByDingtalk':
      return fc.record({
        dingtalk_ids: p.list(p.opaque(departments.map((d) => d.dingtalkId)), 20),
        dingtalk_depart_type: fc.constantFrom(1, 2),
      })
    case 'getUserIdsByDingtalk':
      return fc.record({
        dingtalk_ids: p.list(p.opaque(users.map((u) => u.dingtalkId)), 20),
        role_id: p.role,
      })
    default:
      throw new Error(`not a mapping route: ${route}`)
  }
}

function resolveBody(p: Pools) {
  const departmentRef = fc.record(
    {
      type: fc.constant('department'),
      corpid: p.corpid,
      id: p.classId,
      name: unicodeString.filter((s) => s.length <= 100),
    },
    { requiredKeys: ['corpid', 'id'] },
  )
  const userRef = p.user.chain((u) =>
    fc.record(
      {
        type: fc.constant('user'),
        corpid: fc.oneof({ weight: 5, arbitrary: fc.constant(String(u.corpid)) }, p.corpid),
        userid: fc.oneof({ weight: 5, arbitrary: fc.constant(String(u.userid)) }, p.userId),
        name: fc.constant(u.name),
        role_id: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...u.roles) }, p.role),
        children: p.list(fc.record({ child_id: p.userId }), 3),
      },
      { requiredKeys: ['corpid', 'userid', 'role_id'] },
    ),
  )
  return fc
    .record(
      {
        value: fc.record({
          departments: p.list(departmentRef, 4),
          users: p.list(userRef, 6),
          excluded: p.list(fc.oneof(departmentRef, userRef), 4),
        }),
        role_ids: p.list(p.role, 4),
        channel: fc.constantFrom('epaas', 'wecom', 'dingtalk'),
      },
      { requiredKeys: ['value'] },
    )
    .map(compact)
}

/** A body of the route's shape, mostly from real data. */
export function validLookingBody(
  data: Dataset,
  route: RouteName,
): fc.Arbitrary<Record<string, unknown>> {
  const p = pools(data)
  switch (route) {
    case 'selectDepartments':
      return selectBody(p)
    case 'getDepartmentUsers':
      return departmentUsersBody(p)
    case 'getQywxCorpid':
      return fc.constant({})
    case 'resolve':
      return resolveBody(p)
    default:
      return mappingBody(p, route)
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** Every path to a value inside a JSON value (objects and arrays), the root included. */
function pathsOf(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix)
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...prefix, i], out))
  } else if (value !== null && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out)
  }
  return out
}

/** A deep copy with the value at `path` replaced (or removed when `replacement` is `REMOVE`). */
const REMOVE = Symbol('remove')
function replaceAt(value: Json, path: readonly (string | number)[], replacement: unknown): Json {
  if (path.length === 0) return replacement === REMOVE ? undefined : replacement
  const [head, ...rest] = path
  if (Array.isArray(value)) {
    const copy = [...value]
    if (rest.length === 0 && replacement === REMOVE) copy.splice(head as number, 1)
    else copy[head as number] = replaceAt(copy[head as number], rest, replacement)
    return copy
  }
  const copy: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) withKey(copy, k, v)
  if (rest.length === 0 && replacement === REMOVE) delete copy[head as string]
  else withKey(copy, head as string, replaceAt(copy[head as string], rest, replacement))
  return copy
}

/** Adds `key: value` to the object at `path` (or wraps a non-object there in one). */
function addKeyAt(value: Json, path: readonly (string | number)[], key: string, extra: unknown) {
  let target: Json = value
  for (const part of path) target = (target as Record<string | number, Json>)[part]
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    return replaceAt(value, path, withKey({}, key, extra))
  }
  const copy: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(target as Record<string, unknown>)) withKey(copy, k, v)
  withKey(copy, key, extra)
  return replaceAt(value, path, copy)
}

/** Picks one of `paths` with an index drawn by fast-check. */
const pick = <T>(items: readonly T[], index: number) => items[index % items.length] as T

/** A body (JSON value) bent by one mutation, with a label. */
function mutatedBody(valid: fc.Arbitrary<Record<string, unknown>>) {
  return fc.oneof(
    { weight: 30, arbitrary: valid.map((body) => ({ kind: 'valid', value: body as Json })) },
    {
      weight: 12,
      arbitrary: fc.tuple(valid, fc.nat(), anyJson).map(([body, i, replacement]) => ({
        kind: 'wrong-type',
        value: replaceAt(body, pick(pathsOf(body).slice(1), i) ?? [], replacement),
      })),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat()).map(([body, i]) => {
        const paths = pathsOf(body).slice(1)
        return {
          kind: 'missing-field',
          value: paths.length ? replaceAt(body, pick(paths, i), REMOVE) : body,
        }
      }),
    },
    {
      weight: 6,
      arbitrary: fc.tuple(valid, fc.nat(), hugeArray).map(([body, i, array]) => {
        const lists = pathsOf(body).filter((path) => {
          let v: Json = body
          for (const part of path) v = (v as Record<string | number, Json>)[part]
          return Array.isArray(v)
        })
        const at = lists.length ? pick(lists, i) : pick(pathsOf(body), i)
        return { kind: 'huge-array', value: replaceAt(body, at, array) }
      }),
    },
    {
      weight: 5,
      arbitrary: fc.tuple(valid, fc.nat(), deepNesting).map(([body, i, deep]) => ({
        kind: 'deep-nesting',
        value: replaceAt(body, pick(pathsOf(body), i), deep),
      })),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          valid,
          fc.nat(),
          fc.oneof(fc.constantFrom(...dangerousKeys), unicodeString),
          fc.oneof(
            fc.constant<Json>({ polluted: true, isAdmin: true }),
            fc.constant<Json>({ toString: 'x', valueOf: 1 }),
            anyJson,
          ),
        )
        .map(([body, i, key, extra]) => {
          const objects = pathsOf(body).filter((path) => {
            let v: Json = body
            for (const part of path) v = (v as Record<string | number, Json>)[part]
            return v !== null && typeof v === 'object' && !Array.isArray(v)
          })
          return { kind: 'prototype-keys', value: addKeyAt(body, pick(objects, i), key, extra) }
        }),
    },
    {
      weight: 6,
      arbitrary: fc.tuple(valid, fc.nat(), unicodeString).map(([body, i, text]) => ({
        kind: 'unicode',
        value: replaceAt(body, pick(pathsOf(body).slice(1), i) ?? [], text),
      })),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(valid, fc.nat(), nastyNumber).map(([body, i, n]) => ({
        kind: 'nasty-number',
        value: replaceAt(body, pick(pathsOf(body).slice(1), i) ?? [], n),
      })),
    },
    { weight: 4, arbitrary: anyJson.map((value) => ({ kind: 'not-an-object', value })) },
  )
}

/** Bytes that are not (valid) JSON: text, truncated JSON, invalid UTF-8, BOMs, comments. */
function invalidBody(valid: fc.Arbitrary<Record<string, unknown>>) {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }).map((text) => encoder.encode(text)),
    fc.tuple(valid, fc.nat()).map(([body, cut]) => {
      const text = toJsonText(body)
      return encoder.encode(text.slice(0, cut % Math.max(1, text.length)))
    }),
    fc.uint8Array({ maxLength: 200 }),
    valid.map((body) => encoder.encode(`\ufeff${toJsonText(body)}`)),
    valid.map((body) => encoder.encode(`${toJsonText(body)} // comment`)),
    valid.map((body) => encoder.encode(`${toJsonText(body)},`)),
    valid.map((body) => encoder.encode(toJsonText(body).replace(/"/g, "'"))),
    valid.map((body) => {
      const bytes = encoder.encode(toJsonText(body))
      const bad = new Uint8Array(bytes.length + 2)
      bad.set(bytes.subarray(0, 2))
      bad.set([0xc3, 0x28], 2) // an invalid UTF-8 sequence inside otherwise fine JSON
      bad.set(bytes.subarray(2), 4)
      return bad
    }),
    fc
      .constantFrom('{', '[', '"', 'nul', 'NaN', '{"a":}', '{"a" 1}', '{}{}', '\u0000')
      .map((t) => encoder.encode(t)),
  )
}

// ---------------------------------------------------------------------------------------------
// Headers, query, method

/** Header values: Latin-1 without control characters (what Node's HTTP parser can deliver). */
const headerValue = fc
  .string({
    unit: fc
      .integer({ min: 0x20, max: 0xff })
      .filter((c) => c !== 0x7f)
      .map((c) => String.fromCharCode(c)),
    maxLength: 60,
  })
  .map((v) => v.trim())

const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)

function headersFor(context: FuzzContext) {
  const contentType = fc.oneof(
    { weight: 20, arbitrary: fc.constant('application/json') },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/vnd.api+json',
        'application/json;charset=latin1',
        'text/plain',
        'text/plain;charset=UTF-8',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonp',
        'json',
        '',
      ),
    },
    { weight: 1, arbitrary: headerValue },
    { weight: 2, arbitrary: fc.constant(undefined) },
  )
  const token = fc.oneof(
    { weight: 20, arbitrary: fc.constant(context.userToken) },
    { weight: 1, arbitrary: fc.constant(context.revokedToken) },
    { weight: 1, arbitrary: headerValue },
    { weight: 2, arbitrary: fc.constant(undefined) },
  )
  const secFetchSite = fc.oneof(
    { weight: 20, arbitrary: fc.constant('same-origin') },
    { weight: 3, arbitrary: fc.constantFrom('cross-site', 'same-site', 'none', 'SAME-ORIGIN') },
    { weight: 1, arbitrary: headerValue },
    { weight: 3, arbitrary: fc.constant(undefined) },
  )
  const origin = fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'http://app.test',
        'https://evil.test',
        'null',
        'http://app.test.evil.test',
        'http://APP.TEST',
      ),
    },
    { weight: 1, arbitrary: headerValue },
  )
  const csrfHeader = fc.oneof(
    { weight: 5, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: headerValue },
  )
  const contentLength = fc.oneof(
    { weight: 20, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '1', 'abc', '99999999999', '1e9', ' 5') },
  )
  const extra = fc.array(
    fc.tuple(
      fc.oneof(
        headerName,
        fc.constantFrom(
          'authorization',
          'cookie',
          'x-forwarded-host',
          'x-forwarded-for',
          'host',
          'x-http-method-override',
          'accept',
          'accept-encoding',
          'transfer-encoding',
        ),
      ),
      headerValue,
    ),
    { maxLength: 4 },
  )
  return fc
    .record({ contentType, token, secFetchSite, origin, csrfHeader, contentLength, extra })
    .map((h) => {
      const headers: [string, string][] = []
      if (h.contentType !== undefined) headers.push(['content-type', h.contentType])
      if (h.token !== undefined) headers.push([context.sessionHeader, h.token])
      if (h.secFetchSite !== undefined) headers.push(['sec-fetch-site', h.secFetchSite])
      if (h.origin !== undefined) headers.push(['origin', h.origin])
      if (h.csrfHeader !== undefined) headers.push(['x-epaas-proxy', h.csrfHeader])
      if (h.contentLength !== undefined) headers.push(['content-length', h.contentLength])
      // The session header stays the one generated above; anything else may be added.
      for (const [name, value] of h.extra)
        if (name !== context.sessionHeader) headers.push([name, value])
      return headers
    })
}

const queryString = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom(
        'access_token',
        'suite_access_token',
        'corpid',
        'id',
        'baseUrl',
        'url',
        '__proto__',
        'constructor[prototype][polluted]',
        'callback',
      ),
      unicodeString,
    ),
    fc.oneof(unicodeString, fc.constantFrom('http://evil.test', '../../', '%00', '1')),
  ),
  { maxLength: 4 },
)

/** A generated request for `route`. */
export function fuzzInput(
  context: FuzzContext,
  route: { name: RouteName; path: string; methods: readonly string[] },
): fc.Arbitrary<FuzzInput> {
  const valid = validLookingBody(context.data, route.name)
  const body = fc.oneof(
    {
      weight: 80,
      arbitrary: mutatedBody(valid).map(({ kind, value }) => ({
        kind,
        bytes: encoder.encode(toJsonText(value)),
      })),
    },
    { weight: 15, arbitrary: invalidBody(valid).map((bytes) => ({ kind: 'invalid-json', bytes })) },
    {
      weight: 5,
      arbitrary: fc.constantFrom(
        { kind: 'no-body', bytes: undefined },
        { kind: 'empty-body', bytes: new Uint8Array() },
      ),
    },
  )
  const method = fc.oneof(
    { weight: 30, arbitrary: fc.constantFrom(...route.methods) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'POST'),
    },
  )
  const path = fc.oneof(
    { weight: 30, arbitrary: fc.constant(route.path) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `${route.path}/`,
        route.path.toUpperCase(),
        `${route.path}%00`,
        `/..${route.path}`,
        `${route.path}/../../service/get_corp_token`,
      ),
    },
  )
  return fc
    .record({ body, method, path, query: queryString, headers: headersFor(context) })
    .map(({ body, method, path, query, headers }) => ({
      kind: body.kind,
      method,
      path,
      query,
      headers,
      // Browsers and Node cannot send a body with GET or HEAD.
      body: method === 'GET' || method === 'HEAD' ? undefined : body.bytes,
    }))
}

/** Paths under the base path that are no route (or must never be routed). */
export const unknownPath = fc.oneof(
  fc.constantFrom(
    '/service/get_suite_token',
    '/service/get_corp_token',
    '/corp/dingtalk/get_dingtalk_token',
    '/__mock/faults',
    '/__mock/tokens',
    '/',
    '',
    '/resolve/x',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/campus/department/select/../../service/get_corp_token',
  ),
  fc.webPath(),
  unicodeString.map((s) => `/${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'))}`),
)
