import { Role, type PickerValue } from '@epaas-picker/protocol'
import { describe, expect, it } from 'vitest'
import type { SelectionItem } from '../selection/selection.js'
import { localStorageHistory, parseItems, recentAfter } from './PickerHistory.js'

/** A Storage on a Map, as the Web Storage API specifies it (`setItem` may refuse). */
function memoryStorage(quota = Infinity) {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (value.length > quota)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      map.set(key, value)
    },
    removeItem: (key: string) => void map.delete(key),
  }
}

const teacher = (userid: string): SelectionItem => ({
  type: 'user',
  corpid: '890000',
  userid,
  role_id: Role.Teacher,
  name: `老师${userid}`,
  path: '教职工/语文组',
  id_path: ['1', '2'],
})
const klass: SelectionItem = {
  type: 'department',
  corpid: '890000',
  id: '3029019',
  name: '一年级(1)班',
  path: '本部/一年级/一年级(1)班',
  id_path: ['1', '3', '3029019'],
}
const valueOf = (...items: SelectionItem[]): PickerValue => ({
  departments: items.filter((i) => i.type === 'department'),
  users: items.filter((i) => i.type === 'user'),
  excluded: [],
})

describe('recent picks', () => {
  it('keep the latest first, each entity once, at most max', () => {
    let recent = recentAfter([], valueOf(teacher('1'), teacher('2')))
    recent = recentAfter(recent, valueOf(klass, teacher('2')), 3)
    expect(recent.map((i) => i.name)).toEqual(['一年级(1)班', '老师2', '老师1'])
    expect(recentAfter(recent, valueOf(teacher('3')), 3).map((i) => i.name)).toEqual([
      '老师3',
      '一年级(1)班',
      '老师2',
    ])
  })

  it('round-trip through localStorage under their scope, never reading before they are used', async () => {
    const storage = memoryStorage()
    const history = localStorageHistory({ scope: 'user-1', storage })
    expect(storage.map.size).toBe(0)
    await history.save([klass, teacher('1')])
    expect([...storage.map.keys()]).toEqual(['epaas-picker:recent:user-1'])
    expect(await history.load()).toEqual([klass, teacher('1')])
    expect(await localStorageHistory({ scope: 'user-2', storage }).load()).toEqual([])
    await history.save([])
    expect(storage.map.size).toBe(0)
  })

  it('ignore corrupt entries and unreadable storage, and tolerate a full one', async () => {
    const storage = memoryStorage(10)
    storage.map.set(
      'epaas-picker:recent:default',
      JSON.stringify([klass, { type: 'user', name: 1 }, 'x', null]),
    )
    const history = localStorageHistory({ storage })
    expect(await history.load()).toEqual([klass])
    await expect(history.save([klass, teacher('1')])).resolves.toBeUndefined()
    expect(parseItems('{not json')).toEqual([])
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {},
      removeItem: () => {},
    }
    expect(await localStorageHistory({ storage: refusing }).load()).toEqual([])
  })
})
