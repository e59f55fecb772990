import '@epaas-picker/react/styles.css'
import './styles.css'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.js'
import { createDemoApi } from './api/createDemoApi.js'
import { DemoApiProvider } from './api/DemoApiContext.js'
import { createRequestLog } from './api/RequestLog.js'
import { I18nProvider } from './i18n/I18nContext.js'

const queryClient = new QueryClient()
const log = createRequestLog()
const api = createDemoApi(log)

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root')
createRoot(container).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <DemoApiProvider value={{ api, log }}>
          <App />
        </DemoApiProvider>
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
)
