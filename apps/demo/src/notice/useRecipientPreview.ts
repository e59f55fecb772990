/**
 * The recipients a notice would reach, before it is sent: the picker's value counted by the
 * proxy's `resolve` (`useRecipientCount` of `@epaas-picker/headless`), by role, with the people
 * the chosen channel cannot reach. Runs again (debounced) whenever the selection, the roles or
 * the channel change; a newer run cancels the older one's request. Only the counts and the
 * unmapped people come down (`recipients: 'none' | 'unmapped'`), not the whole list. The page's
 * own API makes the request, so that it shows in the request log.
 */
import { countOf, useRecipientCount, type RecipientCounter } from '@epaas-picker/headless'
import type { PickerValue, Role } from '@epaas-picker/protocol'
import type { Recipient, ResolveChannel, ResolveSummary } from '@epaas-picker/proxy/client'
import { useMemo } from 'react'
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
  const counter = useMemo<RecipientCounter>(
    () =>
      (request, { signal, onProgress }) =>
        countOf(
          api.resolve(
            {
              value: request.value,
              role_ids: [...(request.role_ids ?? [])],
              channel: request.channel ?? 'epaas',
              recipients: request.listUnmapped ? 'unmapped' : 'none',
            },
            signal,
          ),
          onProgress,
        ),
    [api],
  )
  const roleIds = useMemo(() => [...input.roleIds].sort(), [input.roleIds])
  const count = useRecipientCount({
    value: input.value,
    role_ids: roleIds,
    channel: input.channel,
    // The counts come in the summary; the page lists only who the channel cannot reach.
    listUnmapped: input.channel !== 'epaas',
    counter,
    debounceMs: DEBOUNCE_MS,
    queryScope: 'demo',
  })
  if (isEmptyValue(input.value)) return { status: 'empty' }
  if (roleIds.length === 0) return { status: 'no-roles' }
  switch (count.status) {
    case 'empty':
      return { status: 'empty' }
    case 'loading':
      return {
        status: 'loading',
        progress: count.progress && {
          done: count.progress.departments_done,
          total: count.progress.departments_total,
        },
      }
    case 'error':
      return count
    case 'success':
      return {
        status: 'done',
        preview: { summary: count.count.summary, unmapped: count.count.unmappedRecipients },
      }
  }
}
