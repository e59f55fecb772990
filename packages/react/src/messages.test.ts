import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { enUS } from './locales/en-US.js'
import { resolveMessages, zhCN } from './messages.js'

describe('messages', () => {
  it('defaults to zh-CN and lets any text be replaced', () => {
    expect(resolveMessages()).toBe(zhCN)
    const custom = resolveMessages(zhCN, { confirm: '发送', noResults: (q) => `无 ${q}` })
    expect(custom.confirm).toBe('发送')
    expect(custom.noResults('张')).toBe('无 张')
    expect(custom.cancel).toBe('取消')
    expect(resolveMessages(enUS)).toBe(enUS)
    expect(resolveMessages(enUS, { confirm: 'Send' }).cancel).toBe('Cancel')
  })

  it('has the same keys in both languages', () => {
    expect([zhCN.lang, enUS.lang]).toEqual(['zh-CN', 'en-US'])
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort())
  })

  it('names roles, relations, counts and refusals', () => {
    expect(zhCN.roles[Role.Student]).toBe('学生')
    expect(zhCN.roles[Role.Teacher]).toBe('老师')
    expect(zhCN.roles[Role.Parent]).toBe('家长')
    expect(enUS.roles[Role.Parent]).toBe('Parent')
    const child = { child_id: '1', child_name: '张三', child_relation: '爸爸' }
    expect(zhCN.parentRelation([child])).toBe('张三的爸爸')
    expect(zhCN.memberCount(32)).toBe('32人')
    expect(enUS.memberCount(1)).toBe('1 person')
    expect(enUS.memberCount(32)).toBe('32 people')
    const refusal = {
      code: 'maximum',
      entityKey: 'd:1:2',
      maximum: 10,
      count: 8,
      requested: 48,
    } as const
    expect(zhCN.refusal(refusal)).toContain('最多可选 10 人')
    expect(enUS.refusal(refusal)).toContain('At most 10 people')
  })

  it('summarises counts, leaving out what is zero', () => {
    const summary = {
      departments: 2,
      users: 3,
      usersByRole: { 11: 3, 12: 0, 13: 0 },
      excluded: 0,
      estimatedPeople: 83,
    } as const
    expect(zhCN.summary(summary)).toBe('2 个部门，3 名学生')
    expect(enUS.summary(summary)).toBe('2 departments, 3 students')
  })
})
