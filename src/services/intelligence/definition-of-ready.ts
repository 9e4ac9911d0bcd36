/**
 * A product's Definition of Ready: read (the defaults until someone changes it) and replaced. Stored as
 * JSON in product_settings, written through the one versioned write path, so a change is an event and a
 * PUT with If-Match that edited an older version gets 412.
 */
import { DEFAULT_PROFILE } from '../../domain/cadence-profiles.ts';
import {
  DEFAULT_DEFINITION_OF_READY,
  type DefinitionOfReady,
  READY_RULES,
  type ReadyRule,
  RULE_LABELS,
} from '../../domain/definition-of-ready.ts';
import type { DefinitionOfReadyT, UpdateDefinitionOfReadyInput } from '../../schemas/readiness.ts';
import type { Db } from '../../store/database.ts';
import type { ProductSettingsRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { updateVersioned } from '../write/update-versioned.ts';

/** As stored: the rules in force and the fit-a-sprint limit. */
interface StoredDefinition {
  enabled: ReadyRule[];
  fitsSprint: DefinitionOfReady['fitsSprint'];
}

const DEFAULT_GROOMING = JSON.stringify({});

export function parseDefinition(json: string): DefinitionOfReady {
  const stored = JSON.parse(json) as StoredDefinition;
  return {
    enabled: new Set(stored.enabled.filter((rule) => READY_RULES.includes(rule))),
    fitsSprint: { ...DEFAULT_DEFINITION_OF_READY.fitsSprint, ...stored.fitsSprint },
  };
}

export function storeDefinition(definition: DefinitionOfReady): string {
  const stored: StoredDefinition = {
    enabled: READY_RULES.filter((rule) => definition.enabled.has(rule)),
    fitsSprint: definition.fitsSprint,
  };
  return JSON.stringify(stored);
}

/** The product's settings row, or the defaults (version 0) while it has none. */
export async function loadSettingsRow(db: Db, productId: string): Promise<ProductSettingsRow> {
  const row = await db
    .selectFrom('product_settings')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirst();
  return (
    row ?? {
      id: productId,
      product_id: productId,
      definition_of_ready: storeDefinition(DEFAULT_DEFINITION_OF_READY),
      grooming: DEFAULT_GROOMING,
      // Migration 010's columns, at their defaults (services/cadences reads and writes them).
      process_profile: DEFAULT_PROFILE,
      cadences: '{}',
      version: 0,
      created_at: '',
      updated_at: '',
    }
  );
}

/** The product's Definition of Ready, for the analyses (the product is already scoped by the caller). */
export async function definitionOfReadyOf(db: Db, productId: string): Promise<DefinitionOfReady> {
  return parseDefinition((await loadSettingsRow(db, productId)).definition_of_ready);
}

export function presentDefinitionOfReady(definition: DefinitionOfReady, version: number): DefinitionOfReadyT {
  return {
    version,
    rules: READY_RULES.map((rule) => ({
      rule,
      enabled: definition.enabled.has(rule),
      label: RULE_LABELS[rule],
      ...(rule === 'fits_sprint' && {
        maxPoints: definition.fitsSprint.maxPoints,
        velocityShare: definition.fitsSprint.velocityShare,
      }),
    })),
  };
}

export async function getDefinitionOfReady(
  ctx: ServiceContext & { productId: string },
): Promise<DefinitionOfReadyT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const row = await loadSettingsRow(ctx.db, product.id);
  return presentDefinitionOfReady(parseDefinition(row.definition_of_ready), row.version);
}

/** The definition the input describes: the rules it lists are on, the rest off. */
function definitionFrom(input: UpdateDefinitionOfReadyInput, current: DefinitionOfReady): DefinitionOfReady {
  const fits = input.rules.find((rule) => rule.rule === 'fits_sprint');
  return {
    enabled: new Set(input.rules.filter((rule) => rule.enabled).map((rule) => rule.rule)),
    fitsSprint: {
      maxPoints: fits?.maxPoints ?? current.fitsSprint.maxPoints,
      velocityShare:
        fits?.velocityShare !== undefined ? fits.velocityShare : current.fitsSprint.velocityShare,
    },
  };
}

export async function updateDefinitionOfReady(
  ctx: ServiceContext & {
    productId: string;
    input: UpdateDefinitionOfReadyInput;
    expectedVersion?: number | undefined;
  },
): Promise<DefinitionOfReadyT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return updateVersioned<ProductSettingsRow, DefinitionOfReadyT>({
    ...ctx,
    entityType: 'product',
    load: (db) => loadSettingsRow(db, product.id),
    present: (_db, row) => presentDefinitionOfReady(parseDefinition(row.definition_of_ready), row.version),
    describe: () => `the Definition of Ready of ${product.key}`,
    change: async (trx, current, at) => {
      const before = storeDefinition(parseDefinition(current.definition_of_ready));
      const after = storeDefinition(definitionFrom(ctx.input, parseDefinition(current.definition_of_ready)));
      if (before === after) return null;
      return {
        action: 'definition_of_ready_updated',
        changes: { definitionOfReady: [JSON.parse(before), JSON.parse(after)] },
        write: async (stamp) => {
          if (current.version === 0) {
            // The first change: the row is made here. Two first writers: one insert wins, the other
            // finds the row taken and gets the version conflict it would have got from an update.
            const inserted = await trx
              .insertInto('product_settings')
              .values({ ...current, definition_of_ready: after, created_at: at, ...stamp })
              .onConflict((oc) => oc.column('id').doNothing())
              .returningAll()
              .executeTakeFirst();
            return inserted;
          }
          return trx
            .updateTable('product_settings')
            .set({ definition_of_ready: after, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
        },
      };
    },
  });
}
