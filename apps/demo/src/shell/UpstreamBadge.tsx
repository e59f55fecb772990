/** Which ePaaS the page talks to, and a notice when the session is gone. */
import { useI18n } from '../i18n/I18nContext.js'
import { useDemoInfo } from './useDemoInfo.js'

/** A small badge: "mock ePaaS, one school" or the remote host. */
export function UpstreamBadge() {
  const { messages } = useI18n()
  const info = useDemoInfo().data
  if (!info) return null
  return (
    <p className="badge">
      {info.upstream.kind === 'mock'
        ? messages.upstreamMock(info.upstream.dataset)
        : messages.upstreamRemote(info.upstream.host)}
    </p>
  )
}
