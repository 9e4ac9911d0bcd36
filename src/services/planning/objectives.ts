/** Company objectives that a product's initiatives support; titles are unique in a product. */
import { type Objective, presentObjective } from '../../presenters/planning.ts';
import type { CreateObjectiveInput, UpdateObjectiveInput } from '../../schemas/product.ts';
import { namedEntityServices } from './named-entity.ts';

const objectives = namedEntityServices<
  'objectives',
  'title',
  Objective,
  CreateObjectiveInput,
  UpdateObjectiveInput
>({
  table: 'objectives',
  entityType: 'objective',
  field: 'title',
  present: presentObjective,
});

export const createObjective = objectives.create;
export const listObjectives = objectives.list;
export const getObjective = objectives.get;
export const updateObjective = objectives.update;
export const setObjectiveTrashed = objectives.setTrashed;
