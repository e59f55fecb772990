/**
 * An optional education group (教育集团): the first school gets branch schools (分校), each an
 * organisation of its own below it. This nests sub-organisations one level deeper than the
 * district's bureau -> schools, so that a client's handling of `has_sub_org` below the top can be
 * tested.
 */
import { NodeDepartmentType } from '@epaas-picker/protocol'
import { buildSchool } from './buildSchool.js'
import type { MockDepartment, MockOrganization } from './Dataset.js'
import type { DatasetBuilder } from './DatasetBuilder.js'
import { numerals } from './names.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** Most branch schools `branchSchools` may add. */
export const MAX_BRANCH_SCHOOLS = numerals.length

/**
 * Adds `count` branch schools under the first school of the dataset (`district`: corpid 800001;
 * `small`: the school itself), as its sub-organisations, with corpids after the largest one in
 * use. Runs after everything else is generated, so every other node keeps its ID, name and
 * mappings.
 */
export function addBranchSchools(b: DatasetBuilder, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > MAX_BRANCH_SCHOOLS) {
    throw new RangeError(`branchSchools must be an integer from 1 to ${MAX_BRANCH_SCHOOLS}`)
  }
  const root = b.departments.find(
    (d) => d.kind === SelectNodeKind.Organization && d.departmentType === NodeDepartmentType.School,
  ) as MockDepartment
  const group = b.organizations.find((o) => o.corpid === root.corpid) as MockOrganization
  let corpid = Math.max(...b.organizations.map((o) => o.corpid))
  for (let i = 0; i < count; i++) {
    corpid += 1
    buildSchool(
      b,
      {
        corpid,
        name: `${group.name}${numerals[i]}分校`,
        stages: [{ stage: '小学', classesPerGrade: 2, students: [30, 36] }],
        campuses: [],
        courseClasses: false,
        teachingClasses: false,
      },
      root,
    )
    group.subOrgCorpids.push(corpid)
  }
}
