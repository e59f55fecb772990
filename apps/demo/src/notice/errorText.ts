import { DemoApiError } from '../api/DemoApiError.js'
import type { DemoMessages } from '../i18n/messages.js'

/** An error in the page's language: a known backend code, else the error's own message. */
export function errorText(error: unknown, messages: DemoMessages): string {
  if (error instanceof DemoApiError) {
    if (error.code === 'network') return messages.networkError
    return messages.errors[error.code] ?? error.message
  }
  return error instanceof Error ? error.message : String(error)
}
