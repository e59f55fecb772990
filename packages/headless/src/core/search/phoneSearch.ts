/**
 * Phone search without configuration: a search text that is a mobile number is sent as one
 * (`search_type: 3`, which matches phone numbers exactly, or names), anything else as a name.
 */
import { SearchType } from '@epaas-picker/protocol'

// A Chinese mobile number, with an optional +86 and the spaces or dashes people type.
const MOBILE = /^(?:\+?86)?1\d{10}$/

/** The number in a text that is a mobile number (spaces, dashes and +86 dropped), or `null`. */
export function phoneNumberOf(text: string): string | null {
  const compact = text.replace(/[\s-]/g, '')
  if (!MOBILE.test(compact)) return null
  return compact.slice(-11)
}

/**
 * The `key` and `search_type` to send for a search text. `forced` (the `search_type` option)
 * wins; else a mobile number is a phone search when `phoneSearch` is on (the default).
 *
 * @example
 * searchKeyOf('138 0000 0077') // { key: '13800000077', search_type: 3 }
 * searchKeyOf('张三') // { key: '张三', search_type: 0 }
 */
export function searchKeyOf(
  text: string,
  forced?: SearchType,
  phoneSearch = true,
): { key: string; search_type: SearchType } {
  const key = text.trim()
  if (forced !== undefined) return { key, search_type: forced }
  const phone = phoneSearch ? phoneNumberOf(key) : null
  return phone
    ? { key: phone, search_type: SearchType.PhoneOrName }
    : { key, search_type: SearchType.Name }
}

/** Whether phone numbers find people: forced by `search_type`, else `phoneSearch` (default on). */
export function phoneSearchOn(forced: SearchType | undefined, phoneSearch = true): boolean {
  return forced === undefined ? phoneSearch : forced === SearchType.PhoneOrName
}
