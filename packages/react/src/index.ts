/**
 * @epaas-picker/react: the styled, virtualized address-book picker (通讯录选人) for ePaaS, and
 * the parts it is made of for custom layouts. Import the styles once:
 * `import '@epaas-picker/react/styles.css'`.
 *
 * @packageDocumentation
 */
export { AddressBookPicker } from './AddressBookPicker.js'
export type { AddressBookPickerHandle, AddressBookPickerProps } from './AddressBookPicker.js'
export { AddressBookPickerDialog } from './AddressBookPickerDialog.js'
export type { AddressBookPickerDialogProps } from './AddressBookPickerDialog.js'
export { cx, partClass } from './classNames.js'
export type { PickerClassNames, PickerPart } from './classNames.js'
export { DrillList } from './DrillList.js'
export type { DrillListProps } from './DrillList.js'
export { Highlight } from './Highlight.js'
export type { HighlightProps } from './Highlight.js'
export { resolveMessages, zhCN } from './messages.js'
export type { PickerCount, PickerMessages } from './messages.js'
export { ModalDialog } from './ModalDialog.js'
export type { ModalDialogProps } from './ModalDialog.js'
export { PickerBreadcrumb } from './PickerBreadcrumb.js'
export { PickerCheckbox } from './PickerCheckbox.js'
export type { PickerCheckboxProps } from './PickerCheckbox.js'
export { PickerContext, usePickerContext } from './PickerContext.js'
export type { PickerContextValue, PickerController, PickerLayout } from './PickerContext.js'
export { PickerDialog } from './PickerDialog.js'
export type { PickerDialogProps } from './PickerDialog.js'
export { PickerFooter } from './PickerFooter.js'
export type { PickerFooterProps } from './PickerFooter.js'
export { PickerRoot } from './PickerRoot.js'
export type { PickerRootProps, PickerViewOptions } from './PickerRoot.js'
export { PickerRow } from './PickerRow.js'
export type { PickerRowProps } from './PickerRow.js'
export { PickerSearch } from './PickerSearch.js'
export type { PickerSearchProps } from './PickerSearch.js'
export { PickerTree } from './PickerTree.js'
export type { PickerTreeProps } from './PickerTree.js'
export { RefusalNotice } from './RefusalNotice.js'
export { RowLabel, rowAccessibleName } from './RowLabel.js'
export type { RowDisplay, RowLabelProps } from './RowLabel.js'
export { SelectedPanel } from './SelectedPanel.js'
export type { SelectedPanelProps } from './SelectedPanel.js'
export { StatusLabel } from './StatusLabel.js'
export type { StatusLabelProps } from './StatusLabel.js'
export { createPickerHandle } from './createPickerHandle.js'
export { useAddressBookPicker } from './useAddressBookPicker.js'
export type { LayoutOption } from './useLayoutMode.js'
export { RecipientCountProvider, usePickerCount } from './RecipientCount.js'
export type { RecipientCountOptions } from './RecipientCount.js'

// What the picker's props and the README's examples use from the packages below, so that
// `pnpm add @epaas-picker/react @tanstack/react-query` is the whole install (pnpm's strict
// node_modules does not let an app import a dependency of a dependency).
export {
  createEpaasClient,
  DepartmentType,
  emptyPickerValue,
  entityKey,
  Role,
  SearchType,
  SelectTag,
  SelectType,
} from '@epaas-picker/protocol'
export type {
  EpaasClient,
  EpaasClientOptions,
  ExcludedEntity,
  PickerValue,
  SelectedDepartment,
  SelectedUser,
  SelectNode,
} from '@epaas-picker/protocol'
export {
  describeRefusal,
  localStorageHistory,
  proxyRecipientCounter,
  summarizeValue,
} from '@epaas-picker/headless'
export type {
  DisabledItem,
  PickerHistory,
  PickerTransport,
  RecipientCounter,
  Refusal,
  RevealTarget,
} from '@epaas-picker/headless'
