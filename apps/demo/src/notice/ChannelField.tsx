/** Where the notice goes: ePaaS itself, or WeCom / DingTalk through the ID mappings. */
import type { ResolveChannel } from '@epaas-picker/proxy/client'
import { useId } from 'react'
import { useI18n } from '../i18n/I18nContext.js'

/** Props of {@link ChannelField}. */
export interface ChannelFieldProps {
  value: ResolveChannel
  onChange: (channel: ResolveChannel) => void
}

const channels: readonly ResolveChannel[] = ['epaas', 'wecom', 'dingtalk']

/** Three radio buttons and a line on what the chosen one needs. */
export function ChannelField({ value, onChange }: ChannelFieldProps) {
  const { messages } = useI18n()
  const hintId = useId()
  return (
    <fieldset className="choice-group" aria-describedby={hintId}>
      <legend>{messages.channel}</legend>
      {channels.map((channel) => (
        <label key={channel} className="choice">
          <input
            type="radio"
            name="channel"
            value={channel}
            checked={value === channel}
            onChange={() => onChange(channel)}
          />
          <span>{messages.channelNames[channel]}</span>
        </label>
      ))}
      <p className="muted small" id={hintId}>
        {messages.channelHints[value]}
      </p>
    </fieldset>
  )
}
