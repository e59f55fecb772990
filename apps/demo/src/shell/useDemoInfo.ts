/** What the backend says about itself: mock or remote, and whether this browser has a session. */
import { useQuery } from '@tanstack/react-query'
import type { DemoInfo } from '../server/createDemoBackend.js'

/** `GET /api/demo/info`, refreshed when the window regains focus (a server restart ends sessions). */
export function useDemoInfo() {
  return useQuery({
    queryKey: ['demo', 'info'],
    queryFn: async ({ signal }): Promise<DemoInfo> => {
      const response = await fetch('/api/demo/info', { signal })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return (await response.json()) as DemoInfo
    },
    staleTime: 30_000,
  })
}
