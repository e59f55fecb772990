/**
 * A small seeded pseudo-random generator (mulberry32) and the few helpers the generator needs.
 * Hand-written because the data must be identical byte for byte across runs, machines and
 * library versions; `Math.random` cannot be seeded.
 */

/** A seeded source of numbers in [0, 1). */
export interface Prng {
  /** Next float in [0, 1). */
  next(): number
  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** One element of a non-empty list, chosen with the given weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** A new array with the items in random order (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[]
}

/** mulberry32: 32 bits of state, good enough for test data and fast. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Creates a {@link Prng} from a seed. Same seed, same sequence. */
export function createPrng(seed: number): Prng {
  const next = mulberry32(seed)
  const prng: Prng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (items) => {
      let total = 0
      for (const [, w] of items) total += w
      let r = next() * total
      for (const [item, w] of items) {
        r -= w
        if (r < 0) return item
      }
      return (items[items.length - 1] as (typeof items)[number])[0]
    },
    shuffle: (items) => {
      const out = items.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = tmp
      }
      return out
    },
  }
  return prng
}

/**
 * A bijective 32-bit mix (the murmur3 finaliser): distinct inputs give distinct outputs, so IDs
 * derived from it are unique without a lookup table.
 */
export function mix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** `value` as 8 lowercase hex digits. */
export function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0')
}
