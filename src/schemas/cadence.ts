/** Cadences (how often each planning artifact is due) and the product's process profile. */
import { CADENCE_ARTIFACTS, CADENCE_EVERY } from '../domain/cadence.ts';
import { LEADING_SCREENS, PROCESS_PROFILES } from '../domain/cadence-profiles.ts';
import { DateOnly, Timestamp, z } from './common.ts';
import { LIMITS } from './limits.ts';
import { TimeZone } from './sprint.ts';

export const CadenceArtifact = z.enum(CADENCE_ARTIFACTS).openapi('CadenceArtifact');
export const CadenceEvery = z.enum(CADENCE_EVERY).openapi('CadenceEvery');
export const ProcessProfile = z.enum(PROCESS_PROFILES).openapi('ProcessProfile');

export const CadenceEntry = z
  .object({
    artifact: CadenceArtifact,
    label: z.string(),
    every: CadenceEvery,
    isDefault: z
      .boolean()
      .describe("Whether `every` is the profile's default (false: the product adjusted it)."),
    lastDoneAt: Timestamp.nullable().describe('When it was last done, from the events; null: never.'),
    nextDueOn: DateOnly.nullable().describe(
      'The local date it is next due; null when the calendar does not say.',
    ),
    overdue: z.boolean(),
    message: z.string().nullable().describe('Why it is overdue, in words; null when it is not.'),
  })
  .openapi('CadenceEntry');
export type CadenceEntryT = z.infer<typeof CadenceEntry>;

export const AttentionNote = z
  .object({ code: z.enum(['prd_missing']), message: z.string(), count: z.number().int() })
  .openapi('AttentionNote');

export const Cadences = z
  .object({
    profile: ProcessProfile,
    timeZone: z.string().describe('The time zone whose calendar periods the cadences count.'),
    today: DateOnly,
    cadences: z.array(CadenceEntry),
    attention: z.array(AttentionNote).describe('Other things the profile expects and the product lacks.'),
    version: z
      .number()
      .int()
      .describe("The product settings' version (shared with the Definition of Ready)."),
  })
  .openapi('Cadences');
export type CadencesT = z.infer<typeof Cadences>;

export const UpdateCadencesInput = z
  .object({
    cadences: z
      .array(z.object({ artifact: CadenceArtifact, every: CadenceEvery }).strict())
      .max(CADENCE_ARTIFACTS.length, `must list at most ${CADENCE_ARTIFACTS.length} cadences`)
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((e, index) => {
          if (seen.has(e.artifact))
            ctx.addIssue({
              code: 'custom',
              message: `${e.artifact} is listed twice`,
              path: [index, 'artifact'],
            });
          seen.add(e.artifact);
        });
      })
      .optional()
      .describe(
        "Cadences to set; one set to its profile's default is no longer adjusted. Others keep theirs.",
      ),
    timeZone: TimeZone.optional(),
  })
  .strict()
  .openapi('UpdateCadencesInput');
export type UpdateCadencesInput = z.infer<typeof UpdateCadencesInput>;

export const Process = z
  .object({
    profile: ProcessProfile,
    screens: z.array(z.enum(LEADING_SCREENS)).describe('The screens that lead, in nav order.'),
    prdsExpected: z.boolean().describe('Whether committed initiatives are expected to have a PRD.'),
    version: z
      .number()
      .int()
      .describe("The product settings' version (shared with cadences and the Definition of Ready)."),
  })
  .openapi('Process');
export type ProcessT = z.infer<typeof Process>;

export const UpdateProcessInput = z
  .object({ profile: ProcessProfile })
  .strict()
  .openapi('UpdateProcessInput');

export const GroomingSessionInput = z
  .object({
    seen: z.number().int().min(0).max(LIMITS.bulkItems),
    changed: z.number().int().min(0).max(LIMITS.bulkItems),
  })
  .strict()
  .openapi('GroomingSessionInput');

export const GroomingSessionRecorded = z
  .object({ productId: z.string(), at: Timestamp, seen: z.number().int(), changed: z.number().int() })
  .openapi('GroomingSessionRecorded');
