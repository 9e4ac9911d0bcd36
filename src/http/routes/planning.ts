/**
 * Objectives, themes, initiatives and saved backlog views share one route shape: create and list under a product, then get,
 * update, trash and restore by id. One declaration per kind keeps their behaviour identical.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import { CreateInitiativeInput, Initiative, UpdateInitiativeInput } from '../../schemas/initiative.ts';
import {
  CreateObjectiveInput,
  CreateThemeInput,
  Objective,
  Theme,
  UpdateObjectiveInput,
  UpdateThemeInput,
} from '../../schemas/product.ts';
import { CreateViewInput, SavedView, UpdateViewInput } from '../../schemas/view.ts';
import type { ServiceContext } from '../../services/context.ts';
import * as initiatives from '../../services/planning/initiatives.ts';
import * as objectives from '../../services/planning/objectives.ts';
import * as themes from '../../services/planning/themes.ts';
import * as views from '../../services/views/saved-views.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

interface Kind<C extends z.ZodType, U extends z.ZodType, O extends z.ZodType> {
  plural: string;
  singular: string;
  createInput: C;
  updateInput: U;
  output: O;
  create(ctx: ServiceContext & { productId: string; input: z.output<C> }): Promise<z.input<O>>;
  list(ctx: ServiceContext & { productId: string }): Promise<z.input<O>[]>;
  get(ctx: ServiceContext & { id: string }): Promise<z.input<O>>;
  update(
    ctx: ServiceContext & { id: string; input: z.output<U>; expectedVersion?: number | undefined },
  ): Promise<z.input<O>>;
  setTrashed(ctx: ServiceContext & { id: string; trashed: boolean }): Promise<z.input<O>>;
}

/** A kind with its schema types erased: the routes below only pass validated input through. */
type ErasedKind = Kind<z.ZodType, z.ZodType, z.ZodType>;

/**
 * Checks at compile time that a kind's services accept what its schemas produce, then erases the types:
 * Hono's route inference cannot follow generic schemas, and the runtime validation guarantees the shapes.
 */
function defineKind<C extends z.ZodType, U extends z.ZodType, O extends z.ZodType>(
  kind: Kind<C, U, O>,
): ErasedKind {
  return kind as unknown as ErasedKind;
}

/** The ETag header of a versioned object: its version, quoted. */
function etag(value: unknown): Record<string, string> {
  const version = (value as { version?: unknown }).version;
  return typeof version === 'number' ? { ETag: `"${version}"` } : {};
}

/** "a theme", "an objective", "an initiative". */
function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function routesFor(kind: ErasedKind) {
  const { plural, singular } = kind;
  const aSingular = withArticle(singular);
  // Stable operation ids for generated clients: createObjective, listThemes, restoreInitiative, ...
  const Singular = capitalized(singular);
  const Plural = capitalized(plural);
  const tags = [plural];
  const byId = { params: z.object({ id: Id }) };
  const inProduct = { params: z.object({ productId: Id }) };
  const one = versionedContent(kind.output, `The ${singular}`, singular);
  const routes = {
    create: createRoute({
      method: 'post',
      path: `/products/{productId}/${plural}`,
      operationId: `create${Singular}`,
      tags,
      summary: `Create ${aSingular}`,
      security: authenticated,
      request: { ...inProduct, ...jsonBody(kind.createInput) },
      responses: { 201: one, ...commonErrors },
    }),
    list: createRoute({
      method: 'get',
      path: `/products/{productId}/${plural}`,
      operationId: `list${Plural}`,
      tags,
      summary: `The product's ${plural} (not those in the trash)`,
      security: authenticated,
      request: inProduct,
      responses: { 200: jsonContent(z.object({ [plural]: z.array(kind.output) }), plural), ...commonErrors },
    }),
    get: createRoute({
      method: 'get',
      path: `/${plural}/{id}`,
      operationId: `get${Singular}`,
      tags,
      summary: `One ${singular}`,
      security: authenticated,
      request: byId,
      responses: { 200: one, ...commonErrors },
    }),
    update: createRoute({
      method: 'patch',
      path: `/${plural}/{id}`,
      operationId: `update${Singular}`,
      tags,
      summary: `Change ${aSingular}'s fields; with If-Match, a stale version gets 412`,
      security: authenticated,
      request: { ...byId, ...ifMatchHeader, ...jsonBody(kind.updateInput) },
      responses: {
        200: one,
        ...commonErrors,
        412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
      },
    }),
    remove: createRoute({
      method: 'delete',
      path: `/${plural}/{id}`,
      operationId: `delete${Singular}`,
      tags,
      summary: `Move ${aSingular} to the trash (restorable)`,
      security: authenticated,
      request: byId,
      responses: { 200: one, ...commonErrors },
    }),
    restore: createRoute({
      method: 'post',
      path: `/${plural}/{id}/restore`,
      operationId: `restore${Singular}`,
      tags,
      summary: `Restore ${aSingular} from the trash`,
      security: authenticated,
      request: byId,
      responses: { 200: one, ...commonErrors },
    }),
  };
  return createRouter()
    .openapi(routes.create, async (c) => {
      const { db } = c.get('options');
      const created = await kind.create({
        db,
        actor: c.get('actor'),
        productId: c.req.valid('param').productId,
        input: c.req.valid('json'),
      });
      return c.json(created, 201, etag(created));
    })
    .openapi(routes.list, async (c) => {
      const all = await kind.list({
        db: c.get('options').db,
        actor: c.get('actor'),
        productId: c.req.valid('param').productId,
      });
      return c.json({ [plural]: all }, 200);
    })
    .openapi(routes.get, async (c) => {
      const one = await kind.get({
        db: c.get('options').db,
        actor: c.get('actor'),
        id: c.req.valid('param').id,
      });
      return c.json(one, 200, etag(one));
    })
    .openapi(routes.update, async (c) => {
      const { db } = c.get('options');
      const updated = await kind.update({
        db,
        actor: c.get('actor'),
        id: c.req.valid('param').id,
        input: c.req.valid('json'),
        expectedVersion: expectedVersion(c),
      });
      return c.json(updated, 200, etag(updated));
    })
    .openapi(routes.remove, async (c) => {
      const { db } = c.get('options');
      const trashed = await kind.setTrashed({
        db,
        actor: c.get('actor'),
        id: c.req.valid('param').id,
        trashed: true,
      });
      return c.json(trashed, 200, etag(trashed));
    })
    .openapi(routes.restore, async (c) => {
      const { db } = c.get('options');
      const restored = await kind.setTrashed({
        db,
        actor: c.get('actor'),
        id: c.req.valid('param').id,
        trashed: false,
      });
      return c.json(restored, 200, etag(restored));
    });
}

export const objectiveRoutes = routesFor(
  defineKind({
    plural: 'objectives',
    singular: 'objective',
    createInput: CreateObjectiveInput,
    updateInput: UpdateObjectiveInput,
    output: Objective,
    create: objectives.createObjective,
    list: objectives.listObjectives,
    get: objectives.getObjective,
    update: objectives.updateObjective,
    setTrashed: objectives.setObjectiveTrashed,
  }),
);

export const themeRoutes = routesFor(
  defineKind({
    plural: 'themes',
    singular: 'theme',
    createInput: CreateThemeInput,
    updateInput: UpdateThemeInput,
    output: Theme,
    create: themes.createTheme,
    list: themes.listThemes,
    get: themes.getTheme,
    update: themes.updateTheme,
    setTrashed: themes.setThemeTrashed,
  }),
);

export const initiativeRoutes = routesFor(
  defineKind({
    plural: 'initiatives',
    singular: 'initiative',
    createInput: CreateInitiativeInput,
    updateInput: UpdateInitiativeInput,
    output: Initiative,
    create: initiatives.createInitiative,
    list: initiatives.listInitiatives,
    get: initiatives.getInitiative,
    update: initiatives.updateInitiative,
    setTrashed: initiatives.setInitiativeTrashed,
  }),
);

export const viewRoutes = routesFor(
  defineKind({
    plural: 'views',
    singular: 'view',
    createInput: CreateViewInput,
    updateInput: UpdateViewInput,
    output: SavedView,
    create: views.createView,
    list: views.listViews,
    get: views.getView,
    update: views.updateView,
    setTrashed: views.setViewTrashed,
  }),
);
