import { useState } from 'react'
import { partClass } from './classNames.js'
import { DrillList } from './DrillList.js'
import { CrossIcon } from './icons.js'
import { ModalDialog } from './ModalDialog.js'
import { PickerBreadcrumb } from './PickerBreadcrumb.js'
import { usePickerContext } from './PickerContext.js'
import { PickerFooter } from './PickerFooter.js'
import { PickerSearch } from './PickerSearch.js'
import { usePickerCount } from './RecipientCount.js'
import { RefusalNotice } from './RefusalNotice.js'
import { SelectedPanel } from './SelectedPanel.js'
import type { LayoutParts } from './DesktopLayout.js'

/**
 * Search, breadcrumb, one level at a time (recent picks on the first screen), and a bar opening
 * the selected panel as a sheet.
 */
export function MobileLayout({
  onConfirm,
  onCancel,
  requireSelection,
  tools,
  recent,
}: LayoutParts) {
  const { picker, messages, classNames } = usePickerContext()
  const [sheetOpen, setSheetOpen] = useState(false)
  const { snapshot } = picker
  const { count } = usePickerCount()
  const sheetButton = (
    <button
      type="button"
      className="epp-sheet-toggle"
      aria-haspopup="dialog"
      aria-expanded={sheetOpen}
      onClick={() => setSheetOpen(true)}
    >
      {messages.showSelected(messages.countText(count))}
    </button>
  )
  return (
    <>
      <div className="epp-search-row">
        <PickerSearch />
        {tools}
      </div>
      {snapshot.mode === 'tree' ? <PickerBreadcrumb /> : null}
      {snapshot.mode === 'tree' && snapshot.drill.path.length === 0 ? recent : null}
      <DrillList />
      <RefusalNotice />
      <PickerFooter
        className={partClass('mobileBar', classNames)}
        start={sheetButton}
        onConfirm={onConfirm}
        onCancel={onCancel}
        requireSelection={requireSelection}
      />
      <ModalDialog
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        aria-label={messages.selectedTitle}
        className={partClass('sheet', classNames)}
      >
        <SelectedPanel
          headerEnd={
            <button
              type="button"
              className="epp-icon-button"
              aria-label={messages.close}
              onClick={() => setSheetOpen(false)}
            >
              <CrossIcon />
            </button>
          }
        />
      </ModalDialog>
    </>
  )
}
