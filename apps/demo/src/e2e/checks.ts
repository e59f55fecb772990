/**
 * What the end-to-end tests check beyond the screen: the `select_node_type` echo, the absence of
 * tokens in the browser, and the expected recipients computed straight from the mock's data.
 */
import type { Dataset } from '@epaas-picker/mock-server'
import type { Exchange } from './browser.js'

const SELECT_PATH = '/api/epaas/campus/department/select'

interface SelectBody {
  id?: string | number
  select_node_type?: string | number
  corpid?: string | number
  key?: string
}

interface SelectAnswer {
  node_list?: { id: string; corpid: string; select_node_type: string | number }[]
}

/**
 * Checks every select request the browser sent: the first level (`id: 0`) carries no
 * `select_node_type`; any other request expands a node the browser had received before, and
 * echoes that node's `select_node_type` and `corpid` unchanged. Answers the select exchanges and
 * the problems found (none expected).
 */
export function checkSelectEcho(exchanges: readonly Exchange[]) {
  const selects = exchanges.filter((e) => new URL(e.url).pathname === SELECT_PATH)
  const problems: string[] = []
  const nodes: { seq: number; id: string; corpid: string; type: string | number }[] = []
  for (const exchange of selects) {
    if (exchange.status !== 200 || exchange.responseSeq === undefined) continue
    const answer = JSON.parse(exchange.responseBody ?? '{}') as SelectAnswer
    for (const node of answer.node_list ?? []) {
      nodes.push({
        seq: exchange.responseSeq,
        id: node.id,
        corpid: node.corpid,
        type: node.select_node_type,
      })
    }
  }
  let expansions = 0
  for (const exchange of selects) {
    const body = JSON.parse(exchange.requestBody ?? '{}') as SelectBody
    const id = String(body.id)
    if (id === '0') {
      if (body.select_node_type !== undefined) {
        problems.push(`the top request sent select_node_type ${String(body.select_node_type)}`)
      }
      continue
    }
    expansions++
    const known = nodes.filter((n) => n.id === id && n.seq < exchange.requestSeq)
    if (known.length === 0) {
      problems.push(`request for node ${id} before any answer listed it`)
      continue
    }
    const echoed = known.some(
      (n) =>
        n.type === body.select_node_type &&
        (body.corpid === undefined || n.corpid === String(body.corpid)),
    )
    if (!echoed) {
      problems.push(
        `node ${id} was sent with select_node_type ${String(body.select_node_type)} and corpid ` +
          `${String(body.corpid)}; the tree gave ${known.map((n) => `${String(n.type)}@${n.corpid}`).join(', ')}`,
      )
    }
  }
  return { selects, expansions, problems }
}

/**
 * Which of `secrets` occur in any of `texts` (URLs, headers, bodies, frames, HTML). Each secret
 * found is answered with where it was seen first.
 */
export function findSecrets(
  secrets: readonly string[],
  texts: Iterable<[where: string, text: string]>,
) {
  const found: string[] = []
  const remaining = new Set(secrets)
  for (const [where, text] of texts) {
    for (const secret of remaining) {
      if (text.includes(secret)) {
        found.push(`${secret.slice(0, 6)}… in ${where}`)
        remaining.delete(secret)
      }
    }
  }
  return found
}

/** Every text of the exchanges, labelled, for {@link findSecrets}. */
export function* exchangeTexts(exchanges: readonly Exchange[]): Generator<[string, string]> {
  for (const e of exchanges) {
    yield [`${e.method} ${e.url} (url)`, e.url]
    yield [`${e.url} (request headers)`, JSON.stringify(e.requestHeaders)]
    if (e.requestBody) yield [`${e.url} (request body)`, e.requestBody]
    yield [`${e.url} (response headers)`, JSON.stringify(e.responseHeaders)]
    if (e.responseBody) yield [`${e.url} (response body)`, e.responseBody]
  }
}

/** A department and the people to leave out, as the test ticked them. */
export interface Selection {
  departments: number[]
  users: { userid: number; role: number }[]
  excludedUsers: { userid: number; role: number }[]
}

/** What the page should show for a selection, computed from the mock's data alone. */
export interface Expected {
  total: number
  byRole: Record<11 | 12 | 13, number>
  /** `userid:role` of the recipients without a WeCom / DingTalk account. */
  unmappedWecom: string[]
  unmappedDingtalk: string[]
}

/**
 * The recipients of a selection, from the dataset: every member of each department's subtree
 * (within its organisation) and each listed person, minus the excluded people, kept to `roles`;
 * a person is (userid, role), so a parent of two ticked children counts once.
 */
export function expectedRecipients(
  data: Dataset,
  selection: Selection,
  roles: readonly number[] = [11, 12, 13],
): Expected {
  const people = new Map<string, { userid: number; role: number }>()
  const add = (userid: number, role: number) => {
    if (roles.includes(role)) people.set(`${userid}:${role}`, { userid, role })
  }
  for (const id of selection.departments) {
    const root = data.departmentById.get(id)
    if (!root) throw new Error(`no department ${id}`)
    const visit = (departmentId: number) => {
      const department = data.departmentById.get(departmentId)
      if (!department || department.corpid !== root.corpid) return
      for (const member of department.members) add(member.userid, member.role)
      for (const child of department.childIds) visit(child)
    }
    visit(id)
  }
  for (const user of selection.users) add(user.userid, user.role)
  for (const user of selection.excludedUsers) people.delete(`${user.userid}:${user.role}`)
  const byRole = { 11: 0, 12: 0, 13: 0 }
  const unmappedWecom: string[] = []
  const unmappedDingtalk: string[] = []
  for (const [key, person] of people) {
    byRole[person.role as 11 | 12 | 13]++
    const user = data.userById.get(person.userid)
    if (user?.qywechatId === null) unmappedWecom.push(key)
    if (user?.dingtalkId === null) unmappedDingtalk.push(key)
  }
  return { total: people.size, byRole, unmappedWecom, unmappedDingtalk }
}

/** `1,234` as the page writes numbers (both languages group thousands with a comma). */
export const formatCount = (n: number) => new Intl.NumberFormat('en-US').format(n)
