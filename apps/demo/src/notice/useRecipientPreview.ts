/**
 * The recipients a notice would reach, before it is sent: the picker's value resolved by the
 * proxy (`/api/epaas/resolve`), counted by role, with the people the chosen channel cannot reach.
 * Runs again (debounced) whenever the selection, the roles or the channel change; a newer run
 * cancels the older one's request. Only the counts and the unmapped people come down
 * (`recipients: 'none' | 'unmapped'`), not the whole list.
 */
import type { PickerValue, Role } from '@epaas-picker/protocol'
import type {
  Recipient,
  ResolveChannel,
  ResolveInput,
  ResolveSummary,
} from '@epaas-picker/proxy/client'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { ResolveRequest } from '../api/createDemoApi.js'
import { useDemoApi } from '../api/DemoApiContext.js'

/** Departments expanded so far, while a resolve runs. */
export interface ResolveProgress {
  done: number
  total: number
}

/** A finished resolve. */
export interface RecipientPreview {
  summary: ResolveSummary
  /** Recipients with no account on the channel (none for `epaas`). */
  unmapped: Recipient[]
}

/** What {@link useRecipientPreview} answers. */
export type RecipientPreviewState =
  | { status: 'empty' }
  | { status: 'no-roles' }
  | { status: 'loading'; progress: ResolveProgress | undefined }
  | { status: 'error'; error: Error; retry: () => void }
  | { status: 'done'; preview: RecipientPreview }

/** Inputs of {@link useRecipientPreview}. */
export interface RecipientPreviewInput {
  value: PickerValue
  roleIds: readonly Role[]
  channel: ResolveChannel
}

/** Milliseconds of quiet after a tick before the count is asked. */
const DEBOUNCE_MS = 250

/** Whether a value selects nobody. */
export const isEmptyValue = (value: PickerValue) =>
  value.departments.length === 0 && value.users.length === 0

/**
 * Resolves the selection through the proxy, with progress.
 *
 * @example
 * const preview = useRecipientPreview({ value, roleIds: [11, 13], channel: 'wecom' })
 * if (preview.status === 'done') preview.preview.summary.by_role[11]
 */
export function useRecipientPreview(input: RecipientPreviewInput): RecipientPreviewState {
  const { api } = useDemoApi()
  const request = useDebounced(inputRequest(input), DEBOUNCE_MS)
  const key = JSON.stringify(request)
  const [progress, setProgress] = useState<{ key: string; progress: ResolveProgress }>()
  const empty = isEmptyValue(input.value)
  const query = useQuery({
    queryKey: ['demo', 'resolve', key],
    enabled:
      (request.value.departments.length > 0 || request.value.users.length > 0) &&
      request.role_ids.length > 0,
    queryFn: async ({ signal }): Promise<RecipientPreview> => {
      let summary: ResolveSummary | undefined
      const unmapped: Recipient[] = []
      for await (const event of api.resolve(request, signal)) {
        if (event.type === 'progress') {
          setProgress({
            key,
            progress: { done: event.departments_done, total: event.departments_total },
          })
        } else if (event.type === 'recipients') {
          // `recipients: 'unmapped'`: every recipient sent is one the channel cannot reach.
          unmapped.push(...event.recipients)
        } else summary = event
      }
      if (!summary) throw new Error('no summary')
      return { summary, unmapped }
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  })

  if (empty) return { status: 'empty' }
  if (input.roleIds.length === 0) return { status: 'no-roles' }
  // While the debounce runs, the answer on screen is for an older input: show it as loading.
  const settled = key === JSON.stringify(inputRequest(input))
  if (query.isError && settled) {
    return { status: 'error', error: query.error, retry: () => void query.refetch() }
  }
  if (query.data && !query.isPlaceholderData && settled && query.isSuccess) {
    return { status: 'done', preview: query.data }
  }
  return {
    status: 'loading',
    progress: progress?.key === key ? progress.progress : undefined,
  }
}

function inputRequest(input: RecipientPreviewInput): ResolveRequest {
  return {
    value: ruleOf(input.value),
    role_ids: [...input.roleIds].sort(),
    channel: input.channel,
    // The counts come in the summary; the page lists only who the channel cannot reach.
    recipients: input.channel === 'epaas' ? 'none' : 'unmapped',
  }
}

/**
 * The rule of a value without its labels (which `resolve` ignores), for a stable query key. A
 * department keeps its `has_sub_org`, `department_type` and `select_node_type`: `resolve`
 * searches a bureau's root (or a school with branch schools) for its sub-organisations with them.
 */
function ruleOf(value: PickerValue): ResolveInput['value'] {
  return {
    departments: value.departments.map(
      ({ corpid, id, has_sub_org, department_type, select_node_type }) => ({
        corpid,
        id,
        ...(has_sub_org === undefined ? {} : { has_sub_org }),
        ...(department_type === undefined ? {} : { department_type }),
        ...(select_node_type === undefined ? {} : { select_node_type }),
      }),
    ),
    users: value.users.map(({ corpid, userid, role_id, children }) => ({
      corpid,
      userid,
      role_id,
      ...(children ? { children: children.map(({ child_id }) => ({ child_id })) } : {}),
    })),
    excluded: value.excluded.map((item) =>
      item.type === 'department'
        ? { type: 'department' as const, corpid: item.corpid, id: item.id }
        : {
            type: 'user' as const,
            corpid: item.corpid,
            userid: item.userid,
            role_id: item.role_id,
          },
    ),
  }
}

/** `value`, once it has not changed for `delayMs` (compared by JSON). */
function useDebounced<T>(value: T, delayMs: number): T {
  const json = JSON.stringify(value)
  const [settled, setSettled] = useState({ json, value })
  useEffect(() => {
    if (json === settled.json) return
    const timer = setTimeout(() => setSettled({ json, value }), delayMs)
    return () => clearTimeout(timer)
    // `value` is read through `json`: a new object with the same content is no change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [json, delayMs])
  return settled.value
}
