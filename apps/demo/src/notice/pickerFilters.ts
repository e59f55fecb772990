/**
 * The picker's filters, shared with the name lookup so that both read the same cached levels.
 */
import type { PickerFilters } from '@epaas-picker/headless'
import { Role } from '@epaas-picker/protocol'

/**
 * Students, teachers and parents; member counts on departments; the schools of a district as
 * sub-organisations (harmless for a single school).
 */
export const pickerFilters: PickerFilters = {
  select_type: 0,
  select_role_list: [Role.Student, Role.Teacher, Role.Parent],
  need_users_total: true,
  is_include_sub_org: true,
}
