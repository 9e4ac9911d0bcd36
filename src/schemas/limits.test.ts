import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { z } from './common.ts';
import {
  CreateDependencyInput,
  CreateExternalDependencyInput,
  UpdateExternalDependencyInput,
} from './dependency.ts';
import { CreateInitiativeInput, UpdateInitiativeInput } from './initiative.ts';
import {
  BulkUpdateItemsInput,
  CreateItemInput,
  ItemRef,
  Label,
  ListItemsQuery,
  Story,
  UpdateItemInput,
} from './item.ts';
import { LIMITS } from './limits.ts';
import {
  CreateObjectiveInput,
  CreateProductInput,
  CreateThemeInput,
  UpdateObjectiveInput,
  UpdateProductInput,
  UpdateThemeInput,
} from './product.ts';
import { CreateReleaseInput, UpdateReleaseInput } from './release.ts';
import { CreateSprintInput, TimeZone, UpdateSprintInput } from './sprint.ts';
import { CreateTeamInput, UpdateTeamInput } from './team.ts';
import { CreateTokenInput, CreateUserInput, Email, LoginInput, Password, SetupInput } from './user.ts';

type Limit = keyof typeof LIMITS;

/** Zod's internals as far as this test reads them (v4: `_zod.def`). */
interface Inspectable {
  _zod: { def: { type: string; innerType?: Inspectable; in?: Inspectable; element?: Inspectable } };
  shape?: Record<string, Inspectable>;
  maxLength?: number | null;
  minLength?: number | null;
  maxValue?: number | null;
}

/** The schema under optional / nullable / default / transform wrappers (a few levels at most). */
function bare(schema: z.ZodType): Inspectable {
  let current = schema as unknown as Inspectable;
  for (let depth = 0; depth < 10; depth += 1) {
    const next = current._zod.def.innerType ?? current._zod.def.in;
    if (!next) return current;
    current = next;
  }
  throw new Error('schema nested too deeply');
}

/** A field of an object schema (wrappers removed). */
function field(object: z.ZodType, name: string): z.ZodType {
  const shape = bare(object).shape;
  const value = shape?.[name];
  assert.ok(value, `no field ${name}`);
  return value as unknown as z.ZodType;
}

/** The greatest length (string, array) or value (number) the schema accepts. */
function maxOf(schema: z.ZodType): number | null | undefined {
  const inner = bare(schema);
  if (inner._zod.def.type === 'array') {
    const checks = (inner._zod.def as { checks?: { _zod: { def: { check: string; maximum?: number } } }[] })
      .checks;
    return checks?.find((check) => check._zod.def.check === 'max_length')?._zod.def.maximum;
  }
  return inner._zod.def.type === 'number' ? inner.maxValue : inner.maxLength;
}

const element = (array: z.ZodType) => bare(array)._zod.def.element as unknown as z.ZodType;

/** Every limit the schemas set, and the LIMITS entry it must equal. */
const CASES: [string, z.ZodType, Limit][] = [
  ['item title (create)', field(CreateItemInput, 'title'), 'itemTitle'],
  ['item title (update)', field(UpdateItemInput, 'title'), 'itemTitle'],
  ['item description', field(UpdateItemInput, 'description'), 'itemDescription'],
  ['story: as a', field(Story, 'asA'), 'storyAsA'],
  ['story: I want', field(Story, 'iWant'), 'storyIWant'],
  ['story: so that', field(Story, 'soThat'), 'storySoThat'],
  ['criterion text', field(element(field(UpdateItemInput, 'acceptanceCriteria')), 'text'), 'criterionText'],
  ['criteria per item', field(UpdateItemInput, 'acceptanceCriteria'), 'criteria'],
  ['label', Label, 'label'],
  ['labels per item', field(UpdateItemInput, 'labels'), 'labels'],
  ['estimate', field(UpdateItemInput, 'estimate'), 'estimate'],
  ['item reference', ItemRef, 'itemRef'],
  ['search', field(ListItemsQuery, 'q'), 'search'],
  ['items per bulk update', field(BulkUpdateItemsInput, 'ids'), 'bulkItems'],
  ['dependency note', field(CreateDependencyInput, 'note'), 'dependencyNote'],
  ['external dependency title', field(CreateExternalDependencyInput, 'title'), 'externalTitle'],
  ['external dependency owner', field(CreateExternalDependencyInput, 'owner'), 'externalOwner'],
  ['external dependency note', field(UpdateExternalDependencyInput, 'note'), 'dependencyNote'],
  ['initiative title (create)', field(CreateInitiativeInput, 'title'), 'initiativeTitle'],
  ['initiative title (update)', field(UpdateInitiativeInput, 'title'), 'initiativeTitle'],
  ['initiative summary', field(UpdateInitiativeInput, 'summary'), 'initiativeSummary'],
  ['public summary', field(UpdateInitiativeInput, 'publicSummary'), 'publicSummary'],
  ['success metric', element(field(UpdateInitiativeInput, 'successMetrics')), 'metric'],
  ['metrics per initiative', field(UpdateInitiativeInput, 'successMetrics'), 'metrics'],
  ['objectives per initiative', field(UpdateInitiativeInput, 'objectiveIds'), 'initiativeObjectives'],
  ['objective title (create)', field(CreateObjectiveInput, 'title'), 'objectiveTitle'],
  ['objective title (update)', field(UpdateObjectiveInput, 'title'), 'objectiveTitle'],
  ['objective description', field(UpdateObjectiveInput, 'description'), 'description'],
  ['theme name (create)', field(CreateThemeInput, 'name'), 'themeName'],
  ['theme name (update)', field(UpdateThemeInput, 'name'), 'themeName'],
  ['theme description', field(UpdateThemeInput, 'description'), 'description'],
  ['product name (create)', field(CreateProductInput, 'name'), 'productName'],
  ['product name (update)', field(UpdateProductInput, 'name'), 'productName'],
  ['product description', field(CreateProductInput, 'description'), 'description'],
  ['release name (create)', field(CreateReleaseInput, 'name'), 'releaseName'],
  ['release name (update)', field(UpdateReleaseInput, 'name'), 'releaseName'],
  ['release description', field(UpdateReleaseInput, 'description'), 'description'],
  ['release notes', field(UpdateReleaseInput, 'notesDraft'), 'releaseNotes'],
  ['user name (setup)', field(SetupInput, 'name'), 'userName'],
  ['user name (create)', field(CreateUserInput, 'name'), 'userName'],
  ['email', Email, 'email'],
  ['password', Password, 'passwordMax'],
  ['password at login', field(LoginInput, 'password'), 'passwordMax'],
  ['token name', field(CreateTokenInput, 'name'), 'tokenName'],
  ['sprint name', field(CreateSprintInput, 'name'), 'name'],
  ['sprint goal', field(UpdateSprintInput, 'goal'), 'sprintGoal'],
  ['sprint capacity', field(UpdateSprintInput, 'capacity'), 'capacity'],
  ['sprint refinement share', field(UpdateSprintInput, 'refinementShare'), 'refinementShare'],
  ['time zone', TimeZone, 'timeZone'],
  ['team name', field(CreateTeamInput, 'name'), 'name'],
  ['team description', field(UpdateTeamInput, 'description'), 'description'],
];

/** A number typed into a form's length or range limit, e.g. maxLength={300} or max={1000}. */
const TYPED_LIMIT = /(?<![\w-])(maxLength|minLength|max)=\{\s*[0-9]/;

describe('LIMITS', () => {
  for (const [name, schema, limit] of CASES) {
    it(`is what the schemas allow: ${name} (${limit})`, () => {
      assert.equal(maxOf(schema), LIMITS[limit]);
    });
  }

  it('gives the password its least length too', () => {
    assert.equal(bare(Password).minLength, LIMITS.passwordMin);
  });

  it('is the only source of the web forms’ limits: no form types a number of its own', () => {
    const webRoot = join(import.meta.dirname, '..', 'web');
    const typed: string[] = [];
    for (const file of readdirSync(webRoot, { recursive: true, encoding: 'utf8' })) {
      if (!/\.tsx?$/.test(file)) continue;
      const lines = readFileSync(join(webRoot, file), 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (TYPED_LIMIT.test(line)) typed.push(`src/web/${file}:${index + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(typed, [], 'import LIMITS from src/schemas/limits.ts instead');
  });

  it('recognises a typed limit (the scan above is not vacuous)', () => {
    assert.ok(TYPED_LIMIT.test('<input maxLength={300} />'));
    assert.ok(TYPED_LIMIT.test('max={1_000}'));
    assert.ok(!TYPED_LIMIT.test('maxLength={LIMITS.itemTitle}'));
    assert.ok(!TYPED_LIMIT.test('aria-valuemax={100}'));
  });
});
