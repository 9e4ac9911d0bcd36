/**
 * Process profiles: how much planning a product does. `light` suits a small team (continuous flow, no
 * sprints, fewer cadences); `full` suits several teams (sprints, monthly reviews, PRDs for committed
 * initiatives). A profile sets the default cadences, a Definition of Ready preset and the screens that lead.
 */
import { CADENCE_ARTIFACTS, type CadenceArtifact, type CadenceEvery } from './cadence.ts';
import { DEFAULT_DEFINITION_OF_READY, type DefinitionOfReady } from './definition-of-ready.ts';

export const PROCESS_PROFILES = ['light', 'full'] as const;
export type ProcessProfile = (typeof PROCESS_PROFILES)[number];

/** What a product without a setting has: what every product had before profiles existed. */
export const DEFAULT_PROFILE: ProcessProfile = 'full';

/** The product screens a profile may lead with (the web's nav follows this order). */
export const LEADING_SCREENS = [
  'backlog',
  'board',
  'roadmap',
  'timeline',
  'sprints',
  'releases',
  'health',
  'vision',
] as const;
export type LeadingScreen = (typeof LEADING_SCREENS)[number];

export interface ProfileSettings {
  cadences: Record<CadenceArtifact, CadenceEvery>;
  /** Screens in the order the nav shows them; a screen left out is not in the main nav. */
  screens: LeadingScreen[];
  /** Whether committed initiatives are expected to have a PRD. */
  prdsExpected: boolean;
  definitionOfReady: DefinitionOfReady;
}

export const PROFILES: Record<ProcessProfile, ProfileSettings> = {
  full: {
    cadences: {
      vision: 'yearly',
      roadmap: 'quarterly',
      strategic_review: 'monthly',
      backlog_grooming: 'weekly',
      burndown: 'daily',
      release_notes: 'per_release',
    },
    screens: ['roadmap', 'sprints', 'health', 'backlog', 'board', 'timeline', 'releases', 'vision'],
    prdsExpected: true,
    definitionOfReady: DEFAULT_DEFINITION_OF_READY,
  },
  light: {
    cadences: {
      vision: 'yearly',
      roadmap: 'quarterly',
      strategic_review: 'quarterly',
      backlog_grooming: 'fortnightly',
      // No sprints, so no burndown.
      burndown: 'off',
      release_notes: 'per_release',
    },
    screens: ['board', 'backlog', 'roadmap', 'releases', 'health', 'vision'],
    prdsExpected: false,
    definitionOfReady: {
      enabled: new Set(['estimated', 'acceptance_criteria', 'unblocked']),
      fitsSprint: DEFAULT_DEFINITION_OF_READY.fitsSprint,
    },
  },
};

/** The cadences in force: the profile's defaults with the product's adjustments over them. */
export function cadencesInForce(
  profile: ProcessProfile,
  adjusted: Partial<Record<CadenceArtifact, CadenceEvery>>,
): Record<CadenceArtifact, { every: CadenceEvery; isDefault: boolean }> {
  const out = {} as Record<CadenceArtifact, { every: CadenceEvery; isDefault: boolean }>;
  for (const artifact of CADENCE_ARTIFACTS) {
    const every = adjusted[artifact] ?? PROFILES[profile].cadences[artifact];
    out[artifact] = { every, isDefault: every === PROFILES[profile].cadences[artifact] };
  }
  return out;
}
