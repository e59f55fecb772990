/**
 * Reads and checks request parameters from a JSON body and the query string. Every reader throws
 * a 40058 naming the field when the value has the wrong type. Values from the query string are
 * strings by nature, so numbers, booleans and lists are parsed from them; in a JSON body, numeric
 * strings are accepted for IDs (upstream is inconsistent about them) but not for flags.
 */
import { invalidParameter } from './MockErrcode.js'

type Raw = { value: unknown; source: 'body' | 'query' }

/** Most IDs a list may carry (a sibling endpoint documents 1000). */
export const MAX_LIST_LENGTH = 1000

export class Params {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly query: ReadonlyMap<string, string[]>,
    /** Prefix of field names in messages, for objects nested in a list. */
    private readonly prefix = '',
  ) {}

  /** Params of an object nested in this request, e.g. `org_department_info_list[0]`. */
  nested(body: Record<string, unknown>, field: string): Params {
    return new Params(body, new Map(), this.field(field))
  }

  private field(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name
  }

  /** A value and where it came from; the body wins over the query string. */
  raw(name: string): Raw | undefined {
    if (
      Object.hasOwn(this.body, name) &&
      this.body[name] !== undefined &&
      this.body[name] !== null
    ) {
      return { value: this.body[name], source: 'body' }
    }
    const values = this.query.get(name)
    if (values === undefined || values.length === 0) return undefined
    return { value: values.length === 1 ? values[0] : values, source: 'query' }
  }

  /** A non-negative integer ID (number or numeric string); `undefined` when absent. */
  id(name: string): number | undefined {
    const raw = this.raw(name)
    return raw === undefined ? undefined : toId(raw.value, this.field(name))
  }

  /** An integer from a fixed set; `undefined` when absent. */
  oneOf(name: string, allowed: readonly number[]): number | undefined {
    const raw = this.raw(name)
    if (raw === undefined) return undefined
    const value = raw.source === 'query' ? Number(raw.value) : raw.value
    if (typeof value !== 'number' || !allowed.includes(value)) {
      throw invalidParameter(
        this.field(name),
        `must be one of ${allowed.join(', ')}, got ${show(raw.value)}`,
      )
    }
    return value
  }

  /** Like {@link oneOf}, but the field is required. */
  requiredOneOf(name: string, allowed: readonly number[]): number {
    const value = this.oneOf(name, allowed)
    if (value === undefined) {
      throw invalidParameter(this.field(name), `is required (one of ${allowed.join(', ')})`)
    }
    return value
  }

  /** A boolean (`true`/`false`, or `0`/`1`); `undefined` when absent. */
  bool(name: string): boolean | undefined {
    const raw = this.raw(name)
    if (raw === undefined) return undefined
    const v = raw.value
    if (typeof v === 'boolean') return v
    if (v === 0 || v === 1) return v === 1
    if (raw.source === 'query' && typeof v === 'string') {
      if (v === 'true' || v === '1') return true
      if (v === 'false' || v === '0') return false
    }
    throw invalidParameter(this.field(name), `must be a boolean, got ${show(v)}`)
  }

  /** A string; `undefined` when absent. */
  string(name: string): string | undefined {
    const raw = this.raw(name)
    if (raw === undefined) return undefined
    if (typeof raw.value !== 'string') {
      throw invalidParameter(this.field(name), `must be a string, got ${show(raw.value)}`)
    }
    return raw.value
  }

  /** A list of integers from a fixed set; `undefined` when absent, `null` when empty (= no filter). */
  enumList(name: string, allowed: readonly number[]): Set<number> | null | undefined {
    const items = this.list(name)
    if (items === undefined) return undefined
    const out = new Set<number>()
    items.forEach((item, i) => {
      const value = typeof item === 'string' && /^-?\d+$/.test(item) ? Number(item) : item
      if (typeof value !== 'number' || !allowed.includes(value)) {
        throw invalidParameter(
          `${this.field(name)}[${i}]`,
          `must be one of ${allowed.join(', ')}, got ${show(item)}`,
        )
      }
      out.add(value)
    })
    return out.size === 0 ? null : out
  }

  /** A required list of numeric IDs. */
  idList(name: string): number[] {
    return this.requiredList(name).map((item, i) => toId(item, `${this.field(name)}[${i}]`))
  }

  /** A required list of non-empty string IDs (numbers are accepted and turned into strings). */
  stringIdList(name: string): string[] {
    return this.requiredList(name).map((item, i) => {
      if (typeof item === 'number' && Number.isFinite(item)) return String(item)
      if (typeof item === 'string' && item !== '') return item
      throw invalidParameter(
        `${this.field(name)}[${i}]`,
        `must be a non-empty string ID, got ${show(item)}`,
      )
    })
  }

  /** A required list of objects. */
  objectList(name: string): Record<string, unknown>[] {
    return this.requiredList(name).map((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw invalidParameter(`${this.field(name)}[${i}]`, `must be an object, got ${show(item)}`)
      }
      return item as Record<string, unknown>
    })
  }

  private requiredList(name: string): unknown[] {
    const items = this.list(name)
    if (items === undefined) throw invalidParameter(this.field(name), 'is required (a list)')
    if (items.length > MAX_LIST_LENGTH) {
      throw invalidParameter(
        this.field(name),
        `at most ${MAX_LIST_LENGTH} items, got ${items.length}`,
      )
    }
    return items
  }

  private list(name: string): unknown[] | undefined {
    const raw = this.raw(name)
    if (raw === undefined) return undefined
    if (Array.isArray(raw.value)) return raw.value
    if (raw.source === 'query' && typeof raw.value === 'string') {
      // GET: `1,2`, `[1,2]`, or the parameter repeated (handled by raw()).
      const text = raw.value.trim()
      if (text.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(text)
          if (Array.isArray(parsed)) return parsed
        } catch {
          // reported below
        }
      } else {
        return text === '' ? [] : text.split(',').map((s) => s.trim())
      }
    }
    throw invalidParameter(this.field(name), `must be a list, got ${show(raw.value)}`)
  }
}

/** Parses a query string into a map of name -> values (`name[]` is read as `name`). */
export function queryMap(search: URLSearchParams): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const [key, value] of search) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key
    const list = map.get(name)
    if (list) list.push(value)
    else map.set(name, [value])
  }
  return map
}

function toId(value: unknown, field: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  if (typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))) {
    return Number(value)
  }
  throw invalidParameter(field, `must be a numeric ID, got ${show(value)}`)
}

/** A short description of a value for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return typeof value === 'object' ? 'an object' : String(value)
}
