/** The page's API and request log, shared by its parts. */
import { createContext, useContext, type ReactNode } from 'react'
import type { DemoApi } from './createDemoApi.js'
import type { RequestLog } from './RequestLog.js'

/** What {@link useDemoApi} answers. */
export interface DemoApiContextValue {
  api: DemoApi
  log: RequestLog
}

const DemoApiContext = createContext<DemoApiContextValue | null>(null)

/** Provides the API and the log. */
export function DemoApiProvider({
  value,
  children,
}: {
  value: DemoApiContextValue
  children: ReactNode
}) {
  return <DemoApiContext.Provider value={value}>{children}</DemoApiContext.Provider>
}

/** The page's API and request log. */
export function useDemoApi(): DemoApiContextValue {
  const value = useContext(DemoApiContext)
  if (!value) throw new Error('useDemoApi needs a <DemoApiProvider> above it')
  return value
}
