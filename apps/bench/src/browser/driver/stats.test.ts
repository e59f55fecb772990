import { describe, expect, it } from 'vitest'
import { max, median, percentile } from './stats.js'

describe('stats', () => {
  it('takes percentiles by nearest rank, so a frame p95 is a frame that happened', () => {
    const frames = [...Array.from({ length: 94 }, () => 16.7), 33.3, 33.3, 50, 50, 50, 66.7]
    expect(percentile(frames, 95)).toBe(33.3)
    expect(percentile(frames, 50)).toBe(16.7)
    expect(percentile([5], 99)).toBe(5)
    expect(percentile([], 50)).toBeNaN()
  })

  it('takes the median as the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
    expect(max([1, 9, 3])).toBe(9)
  })
})
