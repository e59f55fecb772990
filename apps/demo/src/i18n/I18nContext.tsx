/**
 * The page's language: zh-CN by default, switchable to en-US, remembered in `localStorage` and
 * mirrored on `<html lang>` so that screen readers pronounce the page right.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { demoMessages, type DemoLocale, type DemoMessages } from './messages.js'

/** What {@link useI18n} answers. */
export interface I18n {
  locale: DemoLocale
  messages: DemoMessages
  setLocale: (locale: DemoLocale) => void
}

const I18nContext = createContext<I18n | null>(null)

const STORAGE_KEY = 'epaas-demo-locale'

function initialLocale(): DemoLocale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
    if (stored === 'zh-CN' || stored === 'en-US') return stored
  } catch {
    // Storage can be disabled (private mode); the default language is fine then.
  }
  return 'zh-CN'
}

/** Provides the language and its texts. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState<DemoLocale>(initialLocale)
  useEffect(() => {
    document.documentElement.lang = locale
    document.title = `${demoMessages[locale].appTitle} · epaas-picker`
    try {
      localStorage.setItem(STORAGE_KEY, locale)
    } catch {
      // See initialLocale.
    }
  }, [locale])
  const value = useMemo(() => ({ locale, messages: demoMessages[locale], setLocale }), [locale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** The current language and texts. */
export function useI18n(): I18n {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n needs an <I18nProvider> above it')
  return value
}
