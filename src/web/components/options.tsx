/** The <option>s of the item selects (status, type), in their canonical order with their labels. */
import { ITEM_STATUSES, ITEM_TYPES, STATUS_LABELS, TYPE_LABELS } from '../api/types.ts';

export function StatusOptions() {
  return ITEM_STATUSES.map((status) => (
    <option key={status} value={status}>
      {STATUS_LABELS[status]}
    </option>
  ));
}

export function TypeOptions() {
  return ITEM_TYPES.map((type) => (
    <option key={type} value={type}>
      {TYPE_LABELS[type]}
    </option>
  ));
}
