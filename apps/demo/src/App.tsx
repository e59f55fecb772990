/**
 * The demo page: a "send a notice" form built on the picker, and a tab showing the picker's
 * value and the page's requests.
 */
import { emptyPickerValue, type PickerValue } from '@epaas-picker/protocol'
import * as Tabs from '@radix-ui/react-tabs'
import { useState } from 'react'
import type { SentNotice } from './server/createNoticeHandler.js'
import { DebugPanel } from './debug/DebugPanel.js'
import { useI18n } from './i18n/I18nContext.js'
import { NoticeForm } from './notice/NoticeForm.js'
import { SentReceipt } from './notice/SentReceipt.js'
import { LanguageSwitch } from './shell/LanguageSwitch.js'
import { SessionNotice } from './shell/SessionNotice.js'
import { UpstreamBadge } from './shell/UpstreamBadge.js'

/** The page. Needs `I18nProvider`, `DemoApiProvider` and a `QueryClientProvider` above it. */
export function App() {
  const { messages } = useI18n()
  const [value, setValue] = useState<PickerValue>(emptyPickerValue)
  const [sent, setSent] = useState<SentNotice>()
  const [tab, setTab] = useState('notice')
  return (
    <>
      <header className="app-header">
        <div className="app-title">
          <h1>{messages.appTitle}</h1>
          <p className="muted">{messages.appSubtitle}</p>
        </div>
        <div className="app-tools">
          <UpstreamBadge />
          <LanguageSwitch />
        </div>
      </header>
      <main>
        <SessionNotice />
        <Tabs.Root className="tabs" value={tab} onValueChange={setTab}>
          <Tabs.List className="tab-list" aria-label={messages.tabsLabel}>
            <Tabs.Trigger className="tab" value="notice">
              {messages.tabNotice}
            </Tabs.Trigger>
            <Tabs.Trigger className="tab" value="debug">
              {messages.tabDebug}
            </Tabs.Trigger>
          </Tabs.List>
          {/* Kept mounted while hidden: the picker keeps its expanded rows and scroll position. */}
          <Tabs.Content className="tab-panel" value="notice" forceMount hidden={tab !== 'notice'}>
            <div className="page">
              {sent ? (
                <SentReceipt
                  notice={sent}
                  onReset={() => {
                    setSent(undefined)
                    setValue(emptyPickerValue())
                  }}
                />
              ) : (
                <NoticeForm value={value} onValueChange={setValue} onSent={setSent} />
              )}
            </div>
          </Tabs.Content>
          <Tabs.Content className="tab-panel" value="debug">
            <div className="page">
              <DebugPanel value={value} />
            </div>
          </Tabs.Content>
        </Tabs.Root>
      </main>
    </>
  )
}
