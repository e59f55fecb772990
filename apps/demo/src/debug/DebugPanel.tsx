/**
 * The second tab: the picker's raw value (what the backend receives) and every request the page
 * made to its backend (path, body, status, time).
 */
import type { PickerValue } from '@epaas-picker/protocol'
import { useId, useSyncExternalStore } from 'react'
import type { LoggedRequest } from '../api/RequestLog.js'
import { useDemoApi } from '../api/DemoApiContext.js'
import { useI18n } from '../i18n/I18nContext.js'

/** Props of {@link DebugPanel}. */
export interface DebugPanelProps {
  value: PickerValue
}

/** The value as JSON and the request log as a table. */
export function DebugPanel({ value }: DebugPanelProps) {
  const { messages } = useI18n()
  const { log } = useDemoApi()
  const requests = useSyncExternalStore(log.subscribe, log.getSnapshot, log.getSnapshot)
  const valueId = useId()
  const requestsId = useId()
  return (
    <div className="debug">
      <section className="panel" aria-labelledby={valueId}>
        <h2 id={valueId}>{messages.valueTitle}</h2>
        <p className="muted small">{messages.valueHint}</p>
        {/* Focusable so that keyboard users can scroll it. */}
        <pre className="json" tabIndex={0} data-testid="picker-value">
          {JSON.stringify(value, null, 2)}
        </pre>
      </section>
      <section className="panel" aria-labelledby={requestsId}>
        <div className="panel-header">
          <h2 id={requestsId}>{messages.requestsTitle}</h2>
          <button
            type="button"
            className="button secondary small"
            onClick={log.clear}
            disabled={requests.length === 0}
          >
            {messages.requestsClear}
          </button>
        </div>
        <p className="muted small">{messages.requestsHint}</p>
        {requests.length === 0 ? (
          <p className="empty">{messages.requestsEmpty}</p>
        ) : (
          <div
            className="table-scroll"
            tabIndex={0}
            role="region"
            aria-label={messages.requestsCaption(requests.length)}
          >
            <table className="requests">
              <caption className="visually-hidden">
                {messages.requestsCaption(requests.length)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{messages.columns.time}</th>
                  <th scope="col">{messages.columns.source}</th>
                  <th scope="col">{messages.columns.request}</th>
                  <th scope="col">{messages.columns.body}</th>
                  <th scope="col">{messages.columns.status}</th>
                  <th scope="col">{messages.columns.duration}</th>
                </tr>
              </thead>
              <tbody>
                {[...requests].reverse().map((request) => (
                  <RequestRow key={request.id} request={request} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  )
}

function RequestRow({ request }: { request: LoggedRequest }) {
  const { messages } = useI18n()
  const status =
    request.status !== undefined
      ? String(request.status)
      : request.failure
        ? messages.statusFailed
        : messages.statusPending
  const failed = request.failure !== undefined || (request.status ?? 200) >= 400
  return (
    <tr data-source={request.source}>
      <td className="nowrap">{formatTime(request.startedAt)}</td>
      <td className="nowrap">{messages.sources[request.source]}</td>
      <td>
        <code>
          {request.method} {request.path}
        </code>
      </td>
      <td>
        {request.body === undefined ? null : (
          <code className="body">{JSON.stringify(request.body)}</code>
        )}
      </td>
      <td className={failed ? 'nowrap error-text' : 'nowrap'}>{status}</td>
      <td className="nowrap">
        {request.durationMs === undefined ? '' : messages.durationMs(request.durationMs)}
      </td>
    </tr>
  )
}

function formatTime(epochMs: number): string {
  const date = new Date(epochMs)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`
}
