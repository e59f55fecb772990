/** Switches the page (and the picker) between zh-CN and en-US. */
import { useId } from 'react'
import { useI18n } from '../i18n/I18nContext.js'

/** A labelled select; each language is named in itself. */
export function LanguageSwitch() {
  const { locale, setLocale, messages } = useI18n()
  const id = useId()
  return (
    <div className="language-switch">
      <label htmlFor={id}>{messages.language}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => setLocale(event.target.value === 'en-US' ? 'en-US' : 'zh-CN')}
      >
        <option value="zh-CN" lang="zh-CN">
          中文
        </option>
        <option value="en-US" lang="en-US">
          English
        </option>
      </select>
    </div>
  )
}
