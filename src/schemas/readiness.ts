/** A product's Definition of Ready, and the readiness of its open items against it. */
import {
  FITS_SPRINT_BOUNDS,
  READY_RULES,
  REASON_CODES,
  type ReadyRule,
  RULE_LABELS,
} from '../domain/definition-of-ready.ts';
import { HIDDEN_ITEM_LABEL } from '../domain/hidden-item.ts';
import { Id, z } from './common.ts';

export const ReadyRuleName = z.enum(READY_RULES).openapi('ReadyRule');

const reasonCodes = READY_RULES.map((rule) => REASON_CODES[rule]) as [
  (typeof REASON_CODES)[ReadyRule],
  ...(typeof REASON_CODES)[ReadyRule][],
];

/** Why an item is not ready: one code per rule of the Definition of Ready it fails. */
export const NotReadyReason = z
  .object({
    code: z
      .enum(reasonCodes)
      .describe(`One per rule: ${READY_RULES.map((rule) => `${REASON_CODES[rule]} (${rule})`).join(', ')}.`),
    message: z.string().openapi({ example: 'blocked by CAI-12 (in progress)' }),
    blockers: z
      .array(
        z.object({
          key: z
            .string()
            .nullable()
            .describe(
              `Null for an external dependency, and for ${HIDDEN_ITEM_LABEL} you are not a member of.`,
            ),
          title: z.string().nullable().describe(`Null for ${HIDDEN_ITEM_LABEL} you are not a member of.`),
          external: z.boolean(),
        }),
      )
      .optional(),
  })
  .openapi('NotReadyReason');

const MaxPoints = z
  .number()
  .int('must be a whole number of points')
  .min(FITS_SPRINT_BOUNDS.maxPoints.min, `must be at least ${FITS_SPRINT_BOUNDS.maxPoints.min}`)
  .max(FITS_SPRINT_BOUNDS.maxPoints.max, `must be at most ${FITS_SPRINT_BOUNDS.maxPoints.max}`);
const VelocityShare = z
  .number()
  .min(FITS_SPRINT_BOUNDS.velocityShare.min, `must be at least ${FITS_SPRINT_BOUNDS.velocityShare.min}`)
  .max(FITS_SPRINT_BOUNDS.velocityShare.max, `must be at most ${FITS_SPRINT_BOUNDS.velocityShare.max}`)
  .nullable();

/** One rule as the API shows it. */
export const ReadyRuleSetting = z
  .object({
    rule: ReadyRuleName,
    enabled: z.boolean(),
    label: z.string().describe('What the rule asks, in words.'),
    maxPoints: MaxPoints.optional().describe(
      'fits_sprint only: the most points an item may have while there is no velocity history (and always when velocityShare is null).',
    ),
    velocityShare: VelocityShare.optional().describe(
      "fits_sprint only: the most an item may have as a share of the velocity (its team's, else the product's over all its sprints); null: always maxPoints.",
    ),
  })
  .openapi('ReadyRuleSetting');

export const DefinitionOfReady = z
  .object({
    rules: z.array(ReadyRuleSetting).describe('Every rule, in the order reasons are reported.'),
    version: z.number().int().describe('0 while the product keeps the defaults.'),
  })
  .openapi('DefinitionOfReady');
export type DefinitionOfReadyT = z.infer<typeof DefinitionOfReady>;

const RuleInput = z
  .object({
    rule: ReadyRuleName,
    enabled: z.boolean().default(true),
    maxPoints: MaxPoints.optional(),
    velocityShare: VelocityShare.optional(),
  })
  .strict()
  .refine((r) => r.rule === 'fits_sprint' || (r.maxPoints === undefined && r.velocityShare === undefined), {
    message: 'maxPoints and velocityShare belong to the fits_sprint rule only',
    path: ['maxPoints'],
  });

export const UpdateDefinitionOfReadyInput = z
  .object({
    rules: z
      .array(RuleInput)
      .max(READY_RULES.length, `must list at most ${READY_RULES.length} rules`)
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, index) => {
          if (seen.has(r.rule)) {
            ctx.addIssue({ code: 'custom', message: `${r.rule} is listed twice`, path: [index, 'rule'] });
          }
          seen.add(r.rule);
        });
      })
      .describe('The rules in force; a rule left out is off. fits_sprint may carry its limits.'),
  })
  .strict()
  .openapi('UpdateDefinitionOfReadyInput');
export type UpdateDefinitionOfReadyInput = z.infer<typeof UpdateDefinitionOfReadyInput>;

export const ItemReadiness = z
  .object({
    itemId: Id,
    key: z.string(),
    ready: z.boolean(),
    reasons: z.array(NotReadyReason).describe('Every rule the item fails; empty when it is ready.'),
  })
  .openapi('ItemReadiness');

/** The event cursor a computed report reflects. */
export const AsOf = z
  .number()
  .int()
  .describe("The product's newest event this report reflects (an event id; 0 before any event).");

export const ReadinessReport = z
  .object({
    asOf: AsOf,
    items: z
      .array(ItemReadiness)
      .describe('Every open item (not done, not won’t do), in backlog rank order.'),
    ready: z.number().int().describe('How many of them are ready.'),
  })
  .openapi('ReadinessReport');
export type ReadinessReportT = z.infer<typeof ReadinessReport>;

export { RULE_LABELS };
