import { describe, expect, it } from 'vitest'
import { countRows, prepareBenchData, visibleIndex, walkTree } from './benchData.js'
import { defaultBenchParams } from './benchParams.js'

const params = { ...defaultBenchParams, dataset: 'small' as const, people: 30 }

describe('benchmark data', () => {
  it('finds the targets through the mock: 基准测试部, its groups and their first children', async () => {
    const { targets, children } = await prepareBenchData(params)
    expect(targets.large.map((n) => n.name)).toEqual(['教职工', '基准测试部'])
    expect(targets.group1.at(-1)?.name).toBe('基准测试1组')
    expect(targets.group2.at(-1)?.name).toBe('基准测试2组')
    expect(targets.firstChild.group1.at(-2)).toBe(targets.group1.at(-1))
    expect(children.get(targets.group1.at(-1)!.id)).toHaveLength(30)
    expect(targets.firstResult.name).toContain('王')
  })

  it('walks every level and counts the rows of the whole tree expanded', async () => {
    const { client, children } = await prepareBenchData(params)
    const answers = await walkTree(client)
    for (const [id, list] of children) expect(answers.get(id)).toEqual(list)
    const departments = [...answers.values()].flat().filter((n) => n.is_parent).length
    expect(answers.size).toBe(departments + 1)
    expect(countRows(answers)).toBe([...answers.values()].flat().length)
  })

  it('places a row among the visible rows given what is expanded', async () => {
    const { targets, children, top } = await prepareBenchData(params)
    const staff = targets.staff[0]!
    const large = targets.large.at(-1)!
    const group1 = targets.group1.at(-1)!
    const staffIndex = top.findIndex((n) => n.id === staff.id)
    const largeInStaff = children.get(staff.id)!.findIndex((n) => n.id === large.id)
    expect(visibleIndex(targets.staff, new Set(), children)).toBe(staffIndex)
    expect(visibleIndex(targets.large, new Set([staff.id]), children)).toBe(
      staffIndex + 1 + largeInStaff,
    )
    const expanded = new Set([staff.id, large.id, group1.id])
    expect(visibleIndex(targets.group2, expanded, children)).toBe(
      staffIndex + 1 + largeInStaff + 1 + 1 + 30,
    )
  })
})
