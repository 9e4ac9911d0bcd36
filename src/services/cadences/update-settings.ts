/**
 * Changes to a product's process settings (its cadences, its profile), through the one versioned write
 * path on the product_settings row the Definition of Ready shares: one version, one If-Match, one event.
 */
import { PROFILES, type ProcessProfile } from '../../domain/cadence-profiles.ts';
import type { Changes } from '../../domain/changes.ts';
import type { CadencesT, ProcessT, UpdateCadencesInput } from '../../schemas/cadence.ts';
import type { Db } from '../../store/database.ts';
import type { ProductRow, ProductSettingsRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { loadSettingsRow, parseDefinition, storeDefinition } from '../intelligence/definition-of-ready.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { updateVersioned, type VersionStamp } from '../write/update-versioned.ts';
import { cadencesOf } from './get-cadences.ts';
import { type ProcessSettings, parseProcess, storeCadences } from './process-settings.ts';

/** Writes the settings row: the first write inserts it (as the Definition of Ready's does). */
function writeSettings(trx: Db, current: ProductSettingsRow, set: Partial<ProductSettingsRow>, at: string) {
  return async (stamp: VersionStamp) => {
    if (current.version === 0) {
      return trx
        .insertInto('product_settings')
        .values({ ...current, ...set, created_at: at, ...stamp })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return trx
      .updateTable('product_settings')
      .set({ ...set, ...stamp })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirst();
  };
}

export function presentProcess(row: ProductSettingsRow): ProcessT {
  const { profile } = parseProcess(row);
  return {
    profile,
    screens: [...PROFILES[profile].screens],
    prdsExpected: PROFILES[profile].prdsExpected,
    version: row.version,
  };
}

async function loadProduct(ctx: ServiceContext & { productId: string }): Promise<ProductRow> {
  return loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
}

/** Sets cadences (one set to its profile's default is no longer adjusted) and the calendar's time zone. */
export async function updateCadences(
  ctx: ServiceContext & {
    productId: string;
    input: UpdateCadencesInput;
    expectedVersion?: number | undefined;
  },
): Promise<CadencesT> {
  const product = await loadProduct(ctx);
  await updateVersioned<ProductSettingsRow, ProductSettingsRow>({
    ...ctx,
    entityType: 'product',
    load: (db) => loadSettingsRow(db, product.id),
    present: (_db, row) => row,
    describe: () => `the cadences of ${product.key}`,
    change: async (trx, current, at) => {
      const before = parseProcess(current);
      const after: ProcessSettings = { ...before, adjusted: { ...before.adjusted } };
      for (const { artifact, every } of ctx.input.cadences ?? []) {
        if (every === PROFILES[before.profile].cadences[artifact]) delete after.adjusted[artifact];
        else after.adjusted[artifact] = every;
      }
      if (ctx.input.timeZone !== undefined) after.timeZone = ctx.input.timeZone;
      const [was, is] = [storeCadences(before), storeCadences(after)];
      if (was === is) return null;
      return {
        action: 'cadences_updated',
        changes: { cadences: [JSON.parse(was), JSON.parse(is)] },
        write: writeSettings(trx, current, { cadences: is }, at),
      };
    },
  });
  return cadencesOf(ctx, product);
}

export async function getProcess(ctx: ServiceContext & { productId: string }): Promise<ProcessT> {
  const product = await loadProduct(ctx);
  return presentProcess(await loadSettingsRow(ctx.db, product.id));
}

/**
 * Switches the product's process profile: its cadences go back to the profile's defaults and its
 * Definition of Ready to the profile's preset, in the same write (two events: the switch, and the
 * Definition of Ready's change as the Definition of Ready's own service records it).
 */
export async function updateProcess(
  ctx: ServiceContext & {
    productId: string;
    input: { profile: ProcessProfile };
    expectedVersion?: number | undefined;
  },
): Promise<ProcessT> {
  const product = await loadProduct(ctx);
  return updateVersioned<ProductSettingsRow, ProcessT>({
    ...ctx,
    entityType: 'product',
    load: (db) => loadSettingsRow(db, product.id),
    present: (_db, row) => presentProcess(row),
    describe: () => `the process of ${product.key}`,
    change: async (trx, current, at) => {
      const before = parseProcess(current);
      const profile = ctx.input.profile;
      if (profile === before.profile) return null;
      const after: ProcessSettings = { ...before, profile, adjusted: {} };
      const dorBefore = storeDefinition(parseDefinition(current.definition_of_ready));
      const dorAfter = storeDefinition(PROFILES[profile].definitionOfReady);
      const changes: Changes = {
        processProfile: [before.profile, profile],
        cadences: [JSON.parse(storeCadences(before)), JSON.parse(storeCadences(after))],
      };
      const write = writeSettings(
        trx,
        current,
        { process_profile: profile, cadences: storeCadences(after), definition_of_ready: dorAfter },
        at,
      );
      return {
        action: 'process_updated',
        changes,
        // The switch's event first, then the Definition of Ready's, as its own service words it.
        recordsEvent: true,
        write: async (stamp, event) => {
          const written = await write(stamp);
          if (written) await recordEvent(trx, event);
          if (written && dorBefore !== dorAfter) {
            await recordEvent(trx, {
              ...event,
              action: 'definition_of_ready_updated',
              changes: { definitionOfReady: [JSON.parse(dorBefore), JSON.parse(dorAfter)] },
            });
          }
          return written;
        },
      };
    },
  });
}
