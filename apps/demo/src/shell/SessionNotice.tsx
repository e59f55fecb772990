/**
 * Shown when the backend no longer knows this browser (the dev server restarted, the cookie was
 * cleared): any request answered 401, or the info route saying so, or the server gone.
 */
import { useSyncExternalStore } from 'react'
import { useDemoApi } from '../api/DemoApiContext.js'
import { useI18n } from '../i18n/I18nContext.js'
import { useDemoInfo } from './useDemoInfo.js'

/** A banner with a reload button, or nothing while the session is alive. */
export function SessionNotice() {
  const { messages } = useI18n()
  const { log } = useDemoApi()
  const info = useDemoInfo()
  const refused = useSyncExternalStore(
    log.subscribe,
    () => log.getSnapshot().some((request) => request.status === 401),
    () => false,
  )
  const expired = refused || info.data?.signedIn === false
  if (!expired && !info.isError) return null
  return (
    <div className="banner" role="alert">
      <p>{expired ? messages.sessionExpired : messages.backendDown}</p>
      <button type="button" className="button secondary" onClick={() => location.reload()}>
        {messages.reload}
      </button>
    </div>
  )
}
