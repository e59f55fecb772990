import { Role } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import { fieldZhCN } from './field/fieldMessages.js'
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
    // The Chinese texts of paste a list and recent picks live in their own chunks (loaded only
    // when enabled), the form field's in its entry; English replaces them through these keys.
    const inChunks = ['field', 'paste', 'recent']
    expect(
      Object.keys(enUS)
        .filter((key) => !inChunks.includes(key))
        .sort(),
    ).toEqual(Object.keys(zhCN).sort())
    expect(Object.keys(enUS)).toEqual(expect.arrayContaining(inChunks))
    expect(Object.keys(enUS.field!).sort()).toEqual(Object.keys(fieldZhCN).sort())
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
      name: '三年级',
      maximum: 10,
      count: 8,
      requested: 48,
    } as const
    expect(zhCN.refusal(refusal)).toBe('最多可选 10 人，已选 8 人，选择“三年级”将达到 48 人')
    expect(enUS.refusal(refusal)).toContain('At most 10 people')
    expect(enUS.refusal(refusal)).toContain('三年级')
    expect(zhCN.refusal({ code: 'disabled', entityKey: 'u:1:2:11', name: '李四' })).toBe(
      '李四不可选',
    )
  })

  it('words a count: exact, counting, failed, estimated, or only the items', () => {
    expect(zhCN.countText({ kind: 'exact', total: 98279 })).toBe('共 98279 人')
    expect(zhCN.countText({ kind: 'estimate', people: 4 })).toBe('约 4 人')
    expect(zhCN.countText({ kind: 'items', items: 3 })).toBe('已选 3 项')
    expect(zhCN.countText({ kind: 'counting' })).toBe('正在统计人数…')
    expect(zhCN.showSelected(zhCN.countText({ kind: 'none' }))).toBe('已选：尚未选择')
    expect(enUS.countText({ kind: 'exact', total: 1 })).toBe('1 person')
    expect(enUS.countText({ kind: 'items', items: 2 })).toBe('2 items')
  })

  it('summarises counts, leaving out what is zero', () => {
    const summary = {
      departments: 2,
      users: 3,
      usersByRole: { 11: 3, 12: 0, 13: 0 },
      excluded: 0,
      estimatedPeople: 83,
      estimateComplete: true,
    } as const
    expect(zhCN.summary(summary)).toBe('2 个部门，3 名学生')
    expect(enUS.summary(summary)).toBe('2 departments, 3 students')
  })
})
