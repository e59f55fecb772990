/**
 * The deterministic data generator: a school (`small`) or an education bureau with its schools
 * (`district`), built from a seeded PRNG so that the same seed gives the same data byte for byte.
 */
import { AddressBookKind, NodeDepartmentType, Role } from '@epaas-picker/protocol'
import { addBranchSchools } from './addBranchSchools.js'
import { addLargeDepartment, type LargeDepartmentOptions } from './addLargeDepartment.js'
import { buildSchool, type SchoolPlan, type StagePlan } from './buildSchool.js'
import type { Dataset, DatasetKind, MockDepartment, MockOrganization, MockUser } from './Dataset.js'
import { DatasetBuilder } from './DatasetBuilder.js'
import { bureauOffices, fullName, numerals, schoolPlaces } from './names.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** The bureau of `district`: root (上级单位根节点), 局内职工 and its offices. */
function buildBureau(b: DatasetBuilder, corpid: number, name: string): MockDepartment {
  const { prng } = b
  const org = b.organization(corpid, name, null)
  const root = b.department({
    corpid,
    name,
    parent: null,
    kind: SelectNodeKind.Organization,
    departmentType: NodeDepartmentType.ParentOrganizationRoot,
    addressBook: AddressBookKind.Internal,
  })
  org.rootId = root.id
  const staffGroup = b.department({
    corpid,
    name: '局内职工',
    parent: root,
    kind: SelectNodeKind.Group,
    departmentType: NodeDepartmentType.ParentOrganization,
    addressBook: AddressBookKind.Internal,
  })
  const staff: MockUser[] = []
  for (const office of bureauOffices) {
    const department = b.department({
      corpid,
      name: office,
      parent: staffGroup,
      kind: SelectNodeKind.StaffDepartment,
      departmentType: NodeDepartmentType.ParentOrganization,
      addressBook: AddressBookKind.Internal,
    })
    const size = prng.int(12, 26)
    for (let i = 0; i < size; i++) {
      const user = b.user(corpid, fullName(prng, 'adult'), Role.Teacher)
      b.list(department, user, Role.Teacher)
      staff.push(user)
    }
  }
  prng.pick(staff.slice(0, 5)).creator = true
  prng.pick(staff.slice(5)).disabled = true
  return root
}

/** Number of schools in `district`. */
const DISTRICT_SCHOOLS = 32

function districtPlans(b: DatasetBuilder, firstCorpid: number): SchoolPlan[] {
  const { prng } = b
  const places = prng.shuffle(schoolPlaces)
  return Array.from({ length: DISTRICT_SCHOOLS }, (_, i): SchoolPlan => {
    const type = prng.weighted([
      ['primary', 6],
      ['middle', 2],
      ['nine-year', 2],
    ] as const)
    const place = places[i] as string
    const primary: StagePlan = {
      stage: '小学',
      classesPerGrade: prng.int(3, 7),
      students: [36, 44],
    }
    const middle: StagePlan = { stage: '初中', classesPerGrade: prng.int(5, 9), students: [42, 50] }
    const stages =
      type === 'primary'
        ? [primary]
        : type === 'middle'
          ? [middle]
          : [
              { ...primary, classesPerGrade: prng.int(2, 4) },
              { ...middle, classesPerGrade: prng.int(3, 5) },
            ]
    const suffix = type === 'primary' ? '小学' : type === 'middle' ? '中学' : '实验学校'
    return {
      corpid: firstCorpid + i,
      name: `深圳市南山区${place}${suffix}`,
      stages,
      campuses: prng.chance(0.2) ? ['本部', `${place}校区`] : [],
      courseClasses: prng.chance(0.5),
      teachingClasses: type !== 'primary' && prng.chance(0.6),
    }
  })
}

/** Additions to a built-in dataset, for benchmarks and edge cases. */
export interface GenerateDatasetOptions {
  /**
   * Adds 基准测试部 under the top organisation's staff group (局内职工 in `district`, 教职工 in
   * `small`), with `groups` sub-departments of `people` teachers each, e.g.
   * `{ groups: 2, people: 5000 }` for a node with 5,000 children and a department with 10,002
   * descendants. Everything else keeps its IDs and content. Default: not added.
   */
  largeDepartment?: LargeDepartmentOptions
  /**
   * Makes the first school an education group (教育集团) with this many branch schools (分校), 1 to
   * 10, each a sub-organisation of it with its own corpid (after the largest in use): in
   * `district`, school 800001 then shows `has_sub_org: 1` and sub-organisations nest two levels
   * deep; in `small`, the school itself gets them. Each branch is a small primary school (six
   * grades of two classes). Generated after everything else (`largeDepartment` included), so
   * every other node keeps its ID, content and mappings. Default: none.
   */
  branchSchools?: number
}

/**
 * Generates a dataset. Deterministic: the same kind and seed give the same data, byte for byte.
 *
 * - `small`: one school, 深圳市南山区第一实验学校 (corpid 890000), about 1,500 people: two campuses,
 *   six grades of three classes, 课程班, staff offices and subject groups, virtual groups.
 * - `district`: 深圳市南山区教育局 (corpid 800000, with 局内职工) and 32 schools as
 *   sub-organisations (corpids 800001..800032), about 100,000 people.
 *
 * @param kind Which dataset.
 * @param seed PRNG seed (default 1).
 * @param options Additions ({@link GenerateDatasetOptions}); none by default.
 * @example
 * const data = generateDataset('district', 1)
 * data.organizations.length // 33
 * const bench = generateDataset('district', 1, { largeDepartment: { groups: 2, people: 5000 } })
 * const nested = generateDataset('district', 1, { branchSchools: 2 }) // 800001 has 800033, 800034
 * createMockEpaas({ dataset: bench })
 */
export function generateDataset(
  kind: DatasetKind,
  seed = 1,
  options: GenerateDatasetOptions = {},
): Dataset {
  if (kind === 'small') {
    const b = new DatasetBuilder(seed, 3_029_000)
    buildSchool(
      b,
      {
        corpid: 890_000,
        name: `深圳市南山区第${numerals[0]}实验学校`,
        stages: [{ stage: '小学', classesPerGrade: 3, students: [29, 33] }],
        campuses: ['本部', '南校区'],
        courseClasses: true,
        teachingClasses: false,
      },
      null,
    )
    if (options.largeDepartment) addLargeDepartment(b, options.largeDepartment)
    if (options.branchSchools !== undefined) addBranchSchools(b, options.branchSchools)
    return indexDataset(kind, seed, b)
  }
  const b = new DatasetBuilder(seed, 6_066_000)
  const bureauCorpid = 800_000
  const bureauRoot = buildBureau(b, bureauCorpid, '深圳市南山区教育局')
  const bureau = b.organizations[0] as MockOrganization
  for (const plan of districtPlans(b, bureauCorpid + 1)) {
    buildSchool(b, plan, bureauRoot)
    bureau.subOrgCorpids.push(plan.corpid)
  }
  if (options.largeDepartment) addLargeDepartment(b, options.largeDepartment)
  if (options.branchSchools !== undefined) addBranchSchools(b, options.branchSchools)
  return indexDataset(kind, seed, b)
}

/**
 * Indexes the generated data. The maps every request uses are built now; the ones only phone
 * search and the mapping endpoints need are built on first use, which keeps generation fast.
 */
function indexDataset(kind: DatasetKind, seed: number, b: DatasetBuilder): Dataset {
  const { organizations, departments, users } = b
  const lazy = <T>(build: () => T) => {
    let value: T | undefined
    return () => (value ??= build())
  }
  const byPhone = lazy(() => new Map(users.map((u) => [u.phone, u])))
  const byQywechatId = lazy(() => indexBy(users, (u) => u.qywechatId))
  const byDingtalkId = lazy(() => indexBy(users, (u) => u.dingtalkId))
  const departmentsByQywechatId = lazy(() => {
    const map = new Map<number, MockDepartment[]>()
    for (const d of departments) {
      if (d.qywechatId === null) continue
      const list = map.get(d.qywechatId)
      if (list) list.push(d)
      else map.set(d.qywechatId, [d])
    }
    return map
  })
  const departmentByDingtalkId = lazy(() => indexBy(departments, (d) => d.dingtalkId))
  return {
    kind,
    seed,
    topCorpid: (organizations[0] as MockOrganization).corpid,
    organizations,
    departments,
    users,
    organizationByCorpid: new Map(organizations.map((o) => [o.corpid, o])),
    departmentById: new Map(departments.map((d) => [d.id, d])),
    userById: new Map(users.map((u) => [u.userid, u])),
    get userByPhone() {
      return byPhone()
    },
    get departmentsByQywechatId() {
      return departmentsByQywechatId()
    },
    get departmentByDingtalkId() {
      return departmentByDingtalkId()
    },
    get userByQywechatId() {
      return byQywechatId()
    },
    get userByDingtalkId() {
      return byDingtalkId()
    },
  }
}

function indexBy<T, K>(items: readonly T[], key: (item: T) => K | null): Map<K, T> {
  const map = new Map<K, T>()
  for (const item of items) {
    const k = key(item)
    if (k !== null) map.set(k, item)
  }
  return map
}
