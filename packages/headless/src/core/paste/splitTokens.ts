/**
 * A pasted list as tokens: names and phone numbers as teachers keep them in spreadsheets and chat
 * messages ("张三 李四、13800000077；王五").
 */

/** What {@link splitTokens} found. */
export interface PastedTokens {
  /** Each name or number once, in the order first pasted. */
  tokens: string[]
  /** How many tokens repeated one already listed (merged). */
  duplicates: number
}

// Separators: new lines, tabs, spaces, commas (, ，), 、 and semicolons (; ；).
const SEPARATORS = /[\s,，、;；]+/u
// A digit, then spaces or dashes, then a digit: parts of one phone number ("138 0000 0077").
const NUMBER_GAPS = /(\d)[ \t-]+(?=\d)/g

/**
 * Splits pasted text into tokens, keeping a phone number typed in groups together and merging
 * repeats.
 *
 * @example
 * splitTokens('张三 李四\n138 0000 0077，张三') // { tokens: ['张三', '李四', '13800000077'], duplicates: 1 }
 */
export function splitTokens(text: string): PastedTokens {
  const seen = new Set<string>()
  let duplicates = 0
  for (const token of text.replace(NUMBER_GAPS, '$1').split(SEPARATORS)) {
    if (!token) continue
    if (seen.has(token)) duplicates++
    else seen.add(token)
  }
  return { tokens: [...seen], duplicates }
}
