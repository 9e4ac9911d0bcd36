/** Whether a change the web is about to save is a pivot: the server's rule (domain/pivot.ts), client side. */
import { PIVOT_FIELDS } from '../../../domain/pivot.ts';
import type { InitiativeT } from '../../api/types.ts';

/**
 * The pivot fields `patch` changes on `initiative`, when it is committed (none otherwise). Whether the
 * product has a baseline is the caller's to ask.
 */
export function pivotFieldsOf(initiative: InitiativeT, patch: Partial<InitiativeT>): string[] {
  if (initiative.confidence !== 'committed') return [];
  const values = patch as Record<string, unknown>;
  const current = initiative as unknown as Record<string, unknown>;
  return PIVOT_FIELDS.filter((field) => field in values && values[field] !== current[field]);
}
