/**
 * What a benchmark page is asked to load, passed in its URL query so that the driver and the
 * page agree: the dataset, its seed, and the size of the large department added to it.
 */

/** Parameters of a benchmark page. */
export interface BenchParams {
  /** Built-in dataset of the mock: `district` (about 100,000 people) or `small` (smoke runs). */
  dataset: 'small' | 'district'
  /** Generator seed. Default 1. */
  seed: number
  /** Sub-departments of 基准测试部. Default 2. */
  groups: number
  /** People in each sub-department of 基准测试部. Default 5,000. */
  people: number
  /** Name searched for in the search operation. Default `王`. */
  searchKey: string
}

/** The full benchmark: the district plus 基准测试部 with two groups of 5,000 people. */
export const defaultBenchParams: BenchParams = {
  dataset: 'district',
  seed: 1,
  groups: 2,
  people: 5000,
  searchKey: '王',
}

/** Encodes parameters as a URL query (without `?`). */
export function toQuery(params: BenchParams): string {
  return new URLSearchParams({
    dataset: params.dataset,
    seed: String(params.seed),
    groups: String(params.groups),
    people: String(params.people),
    searchKey: params.searchKey,
  }).toString()
}

/** Reads parameters from a URL query; anything missing or malformed takes its default. */
export function fromQuery(query: string): BenchParams {
  const search = new URLSearchParams(query)
  const int = (name: string, fallback: number) => {
    const value = Number(search.get(name))
    return Number.isInteger(value) && value > 0 ? value : fallback
  }
  return {
    dataset: search.get('dataset') === 'small' ? 'small' : 'district',
    seed: int('seed', defaultBenchParams.seed),
    groups: int('groups', defaultBenchParams.groups),
    people: int('people', defaultBenchParams.people),
    searchKey: search.get('searchKey') || defaultBenchParams.searchKey,
  }
}
