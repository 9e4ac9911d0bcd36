/**
 * Compile-time only (nothing imports it; `npm run typecheck` checks it): the zod-inferred aliases the
 * screens use (types.ts, execution.ts, charts.ts, releases.ts) are exactly the answers the generated client
 * types from the OpenAPI document. A schema whose document says something else (an enum-keyed record whose
 * keys the document left optional, say) fails here, where the reason is easy to see.
 */
import type { BurndownT, CumulativeFlowT, VelocityChartT } from './charts.ts';
import type { SprintDetailT, SprintReportT, SprintT, TeamT } from './execution.ts';
import type { ReleaseDetailT, ReleaseT } from './releases.ts';
import type { components, paths } from './schema.gen.ts';
import type * as T from './types.ts';

type S = components['schemas'];
type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;
/** `true` when A and B are the same type, else which way they differ. */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : 'document wider'
  : 'document narrower or other';

export type Agreement = {
  item: Same<S['Item'], T.ItemT>;
  backlogItem: Same<S['BacklogItem'], T.BacklogItemT>;
  initiative: Same<S['Initiative'], T.InitiativeT>;
  product: Same<S['Product'], T.ProductT>;
  objective: Same<S['Objective'], T.ObjectiveT>;
  theme: Same<S['Theme'], T.ThemeT>;
  user: Same<S['User'], T.UserT>;
  dependency: Same<S['Dependency'], T.DependencyT>;
  externalDependency: Same<S['ExternalDependency'], T.ExternalDependencyT>;
  itemDependencies: Same<S['ItemDependencies'], T.ItemDependenciesT>;
  event: Same<S['Event'], T.EventT>;
  liveMessage: Same<S['LiveChange'], T.LiveMessage>;
  team: Same<S['Team'], TeamT>;
  sprint: Same<S['Sprint'], SprintT>;
  sprintDetail: Same<S['SprintDetail'], SprintDetailT>;
  sprintReport: Same<S['SprintReport'], SprintReportT>;
  burndown: Same<S['Burndown'], BurndownT>;
  velocity: Same<S['VelocityChart'], VelocityChartT>;
  cumulativeFlow: Same<Json<'/products/{productId}/cumulative-flow', 'get'>, CumulativeFlowT>;
  release: Same<Json<'/releases/{id}/notes/publish', 'post'>, ReleaseT>;
  releaseDetail: Same<Json<'/releases/{id}', 'get'>, ReleaseDetailT>;
};

/** Fails to compile when any entry above is not `true`. */
export type AllAgree = Agreement extends { [K in keyof Agreement]: true } ? true : never;
export const allAgree: AllAgree = true;
