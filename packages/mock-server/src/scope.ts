/** Which organisations a token may reach: its own and, below a bureau, its schools. */
import type { Dataset, MockDepartment, MockOrganization } from './Dataset.js'
import { MockEpaasError, MockErrcode } from './MockErrcode.js'

/** `corpid` and every organisation below it. */
export function organizationScope(data: Dataset, corpid: number): Set<number> {
  const scope = new Set<number>()
  const visit = (c: number) => {
    if (scope.has(c)) return
    scope.add(c)
    for (const sub of data.organizationByCorpid.get(c)?.subOrgCorpids ?? []) visit(sub)
  }
  visit(corpid)
  return scope
}

/** The organisation `corpid`, which must be `tokenCorpid` or below it (else 60011). */
export function reachableOrganization(
  data: Dataset,
  tokenCorpid: number,
  corpid: number,
): MockOrganization {
  const org = data.organizationByCorpid.get(corpid)
  if (!org || !organizationScope(data, tokenCorpid).has(corpid)) {
    throw new MockEpaasError(
      MockErrcode.NoPrivilege,
      `no privilege: corpid ${corpid} is not organisation ${tokenCorpid} nor one of its sub-organisations`,
    )
  }
  return org
}

/** Department `id` of organisation `corpid` (else 60003, with a hint when it is elsewhere). */
export function departmentOf(data: Dataset, corpid: number, id: number): MockDepartment {
  const department = data.departmentById.get(id)
  if (!department || department.corpid !== corpid) {
    const hint =
      department && department.corpid !== corpid
        ? ` (it belongs to corpid ${department.corpid}: send that corpid)`
        : ''
    throw new MockEpaasError(
      MockErrcode.DepartmentNotFound,
      `department ${id} not found in organisation ${corpid}${hint}`,
    )
  }
  return department
}

/** The index in `idPath` where organisation `corpid`'s own tree starts. */
export function organizationDepth(
  data: Dataset,
  department: MockDepartment,
  corpid: number,
): number {
  const rootId = data.organizationByCorpid.get(corpid)?.rootId
  const index = rootId === undefined ? -1 : department.idPath.indexOf(rootId)
  return index < 0 ? 0 : index
}
