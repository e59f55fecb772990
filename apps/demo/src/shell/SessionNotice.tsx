/** Shown when the backend no longer knows this browser (the dev server restarted, say). */
import { useI18n } from '../i18n/I18nContext.js'
import { useDemoInfo } from './useDemoInfo.js'

/** A banner with a reload button, or nothing while the session is alive. */
export function SessionNotice() {
  const { messages } = useI18n()
  const info = useDemoInfo()
  if (info.data?.signedIn !== false && !info.isError) return null
  return (
    <div className="banner" role="alert">
      <p>{info.isError ? messages.backendDown : messages.sessionExpired}</p>
      <button type="button" className="button secondary" onClick={() => location.reload()}>
        {messages.reload}
      </button>
    </div>
  )
}
