/**
 * The mutable state of the generator: ID counters, the organisations, departments and people made
 * so far, and the helpers that create them with their mappings. `generateDataset` indexes the
 * result.
 */
import { Role, type AddressBookKind } from '@epaas-picker/protocol'
import type { NodeDepartmentType, Role as RoleValue, SelectTag } from '@epaas-picker/protocol'
import type { MockDepartment, MockOrganization, MockUser } from './Dataset.js'
import { createPrng, hex8, mix32, type Prng } from './prng.js'
import { SelectNodeKind } from './SelectNodeKind.js'

/** Share of departments and of people left without a WeCom (and, independently, a DingTalk) ID. */
export const UNMAPPED_RATE = 0.05

const mobilePrefixes = [
  130, 131, 132, 135, 136, 137, 138, 139, 150, 151, 152, 157, 158, 159, 177, 186, 187, 188, 189,
  199,
]

export interface DepartmentSpec {
  corpid: number
  name: string
  parent: MockDepartment | null
  kind: MockDepartment['kind']
  departmentType: NodeDepartmentType
  tag?: SelectTag | 0
  gradeName?: string
  orgAttributeName?: string
  addressBook: AddressBookKind
}

export interface Guardian {
  user: MockUser
  relation: string
}

export class DatasetBuilder {
  readonly prng: Prng
  readonly organizations: MockOrganization[] = []
  readonly departments: MockDepartment[] = []
  readonly users: MockUser[] = []
  private nextDepartmentId: number
  private nextUserId = 30_010_000
  private nextDingtalkDepartmentId: number
  private readonly phones = new Set<number>()
  private readonly qywechatCounters = new Map<number, number>()
  private readonly userIdSalt: number

  constructor(
    readonly seed: number,
    firstDepartmentId: number,
  ) {
    this.prng = createPrng(seed)
    this.nextDepartmentId = firstDepartmentId
    this.nextDingtalkDepartmentId = 880_000_000 + this.prng.int(0, 9_999_999)
    this.userIdSalt = mix32(seed ^ 0x5bd1e995)
  }

  organization(corpid: number, name: string, parentCorpid: number | null): MockOrganization {
    const { prng } = this
    const rand32 = () => Math.floor(prng.next() * 4294967296)
    const org: MockOrganization = {
      corpid,
      name,
      rootId: 0,
      parentCorpid,
      subOrgCorpids: [],
      qywxCorpid: `ww${hex8(rand32())}${hex8(rand32())}`,
      dingtalkCorpid: `ding${hex8(rand32())}${hex8(rand32())}${hex8(rand32())}${hex8(rand32())}`,
      dingtalkAppId: `ding${this.randomString(16, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
    }
    this.organizations.push(org)
    return org
  }

  department(spec: DepartmentSpec): MockDepartment {
    const id = this.nextDepartmentId++
    const { parent } = spec
    const isRootOrGroup =
      spec.kind === SelectNodeKind.Organization || spec.kind === SelectNodeKind.Group
    const parentIsRootOrGroup =
      !parent || parent.kind === SelectNodeKind.Organization || parent.kind === SelectNodeKind.Group
    const qywechatCounter = (this.qywechatCounters.get(spec.corpid) ?? 0) + 1
    this.qywechatCounters.set(spec.corpid, qywechatCounter)
    const isRoot = spec.kind === SelectNodeKind.Organization
    this.nextDingtalkDepartmentId += this.prng.int(1, 97)
    const department: MockDepartment = {
      id,
      corpid: spec.corpid,
      name: spec.name,
      parentId: parent?.id ?? 0,
      kind: spec.kind,
      departmentType: spec.departmentType,
      tag: spec.tag ?? 0,
      gradeName: spec.gradeName ?? '',
      orgAttributeName: spec.orgAttributeName ?? '',
      disabled: false,
      idPath: parent ? [...parent.idPath, id] : [id],
      path: isRootOrGroup || parentIsRootOrGroup ? spec.name : `${parent.path}/${spec.name}`,
      childIds: [],
      members: [],
      addressBook: spec.addressBook,
      // Roots stay mapped: "the WeCom department is the organisation" is part of the seed.
      qywechatId: isRoot || !this.prng.chance(UNMAPPED_RATE) ? qywechatCounter : null,
      dingtalkId: isRoot || !this.prng.chance(UNMAPPED_RATE) ? this.nextDingtalkDepartmentId : null,
    }
    parent?.childIds.push(id)
    this.departments.push(department)
    return department
  }

  user(corpid: number, name: string, role: RoleValue): MockUser {
    const { prng } = this
    const userid = this.nextUserId++
    const wecomHex = hex8(mix32(userid ^ this.userIdSalt)) + hex8(Math.floor(prng.next() * 2 ** 32))
    const user: MockUser = {
      userid,
      corpid,
      name,
      phone: this.phone(),
      roles: [],
      creator: false,
      disabled: false,
      listings: [],
      qywechatId: prng.chance(UNMAPPED_RATE)
        ? null
        : `${role === Role.Parent ? 'SC_phone_' : 'SC_'}${wecomHex}`,
      dingtalkId: null,
      dingtalkUnionid: null,
    }
    if (!prng.chance(UNMAPPED_RATE)) {
      user.dingtalkId =
        role === Role.Teacher
          ? `0${userid}${String(prng.int(0, 99_999_999_999)).padStart(11, '0')}`
          : `e_${role}_${userid}`
      user.dingtalkUnionid = this.unionid()
    }
    this.users.push(user)
    return user
  }

  /** Lists `user` under `department` with a role (and, for a parent, the child). */
  list(department: MockDepartment, user: MockUser, role: RoleValue, child?: Guardian | MockUser) {
    const childUser = child && 'userid' in child ? child : undefined
    const relation = child && 'relation' in child ? child.relation : ''
    department.members.push({
      userid: user.userid,
      role,
      childId: childUser?.userid ?? 0,
      childName: childUser?.name ?? '',
      childRelation: relation,
    })
    user.listings.push({ departmentId: department.id, role, childId: childUser?.userid ?? 0 })
    if (!user.roles.includes(role)) user.roles.push(role)
  }

  /** Lists a parent under a class for one child. */
  listParent(classDepartment: MockDepartment, guardian: Guardian, child: MockUser) {
    const { user } = guardian
    classDepartment.members.push({
      userid: user.userid,
      role: Role.Parent,
      childId: child.userid,
      childName: child.name,
      childRelation: guardian.relation,
    })
    user.listings.push({
      departmentId: classDepartment.id,
      role: Role.Parent,
      childId: child.userid,
    })
    if (!user.roles.includes(Role.Parent)) user.roles.push(Role.Parent)
  }

  private phone(): string {
    for (;;) {
      // Kept as a number while checking uniqueness: a Set of 100,000 numbers is far cheaper.
      const phone = this.prng.pick(mobilePrefixes) * 100_000_000 + this.prng.int(0, 99_999_999)
      if (!this.phones.has(phone)) {
        this.phones.add(phone)
        return String(phone)
      }
    }
  }

  /** 24 base-36 characters from four draws: one draw per character would mean 2.4M strings. */
  private unionid(): string {
    let out = ''
    for (let i = 0; i < 4; i++) {
      out += Math.floor(this.prng.next() * 2_176_782_336)
        .toString(36)
        .padStart(6, '0')
    }
    return out
  }

  private randomString(length: number, alphabet: string): string {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.prng.next() * alphabet.length)]
    return out
  }
}
