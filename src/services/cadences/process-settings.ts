/**
 * A product's process settings as stored in its product_settings row (shared with the Definition of
 * Ready, and so is its version): the process profile, the cadences it adjusted, and the time zone whose
 * calendar its cadences count.
 */
import type { CadenceArtifact, CadenceEvery } from '../../domain/cadence.ts';
import { CADENCE_ARTIFACTS, CADENCE_EVERY } from '../../domain/cadence.ts';
import { DEFAULT_PROFILE, PROCESS_PROFILES, type ProcessProfile } from '../../domain/cadence-profiles.ts';
import type { ProductSettingsRow } from '../../store/tables.ts';

export interface ProcessSettings {
  profile: ProcessProfile;
  adjusted: Partial<Record<CadenceArtifact, CadenceEvery>>;
  timeZone: string;
}

/** As stored in product_settings.cadences. */
interface StoredCadences {
  adjusted?: Record<string, string>;
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'UTC';

export function parseProcess(row: ProductSettingsRow): ProcessSettings {
  const profile = PROCESS_PROFILES.find((p) => p === row.process_profile) ?? DEFAULT_PROFILE;
  const stored = JSON.parse(row.cadences) as StoredCadences;
  const adjusted: Partial<Record<CadenceArtifact, CadenceEvery>> = {};
  for (const artifact of CADENCE_ARTIFACTS) {
    const every = CADENCE_EVERY.find((e) => e === stored.adjusted?.[artifact]);
    if (every) adjusted[artifact] = every;
  }
  return { profile, adjusted, timeZone: stored.timeZone ?? DEFAULT_TIME_ZONE };
}

export function storeCadences(settings: ProcessSettings): string {
  const adjusted: Record<string, string> = {};
  for (const artifact of CADENCE_ARTIFACTS) {
    const every = settings.adjusted[artifact];
    if (every) adjusted[artifact] = every;
  }
  return JSON.stringify({ adjusted, timeZone: settings.timeZone });
}
