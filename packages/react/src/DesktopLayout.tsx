import type { PickerValue } from '@epaas-picker/protocol'
import type { ReactNode } from 'react'
import { usePickerContext } from './PickerContext.js'
import { PickerFooter } from './PickerFooter.js'
import { PickerSearch } from './PickerSearch.js'
import { PickerTree } from './PickerTree.js'
import { RefusalNotice } from './RefusalNotice.js'
import { SelectedPanel } from './SelectedPanel.js'

/** What `AddressBookPicker` hands its layouts. */
export interface LayoutParts {
  onConfirm: ((value: PickerValue) => void) | undefined
  onCancel: (() => void) | undefined
  requireSelection: boolean | undefined
  hideSelectedPanel?: boolean
  /** Actions beside the search box ("paste a list"). */
  tools: ReactNode
  /** The recent picks' section, shown above the tree while nothing is searched. */
  recent: ReactNode
}

/** Search and tree beside the selected panel, the refusal, and the footer. */
export function DesktopLayout({
  onConfirm,
  onCancel,
  requireSelection,
  hideSelectedPanel,
  tools,
  recent,
}: LayoutParts) {
  const { picker } = usePickerContext()
  const footer = onConfirm || onCancel
  return (
    <>
      <div className="epp-main">
        <div className="epp-browse">
          <div className="epp-search-row">
            <PickerSearch />
            {tools}
          </div>
          {picker.snapshot.mode === 'tree' ? recent : null}
          <PickerTree />
        </div>
        {hideSelectedPanel ? null : <SelectedPanel />}
      </div>
      <RefusalNotice />
      {footer ? (
        <PickerFooter
          onConfirm={onConfirm}
          onCancel={onCancel}
          requireSelection={requireSelection}
        />
      ) : null}
    </>
  )
}
