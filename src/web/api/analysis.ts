/**
 * The planning-intelligence reports over the API (readiness, grooming, dependency map, sequence, alignment,
 * forecast, strategic reviews) and the Definition of Ready, with their types inferred from the server's
 * schemas (type-only imports: no schema code reaches the bundle).
 */
import type { z } from 'zod';
import type { AlignmentReport } from '../../schemas/alignment.ts';
import type { AppliedSequence, BacklogSequence, DependencyMap } from '../../schemas/dependency-map.ts';
import type { Forecast } from '../../schemas/forecast.ts';
import type { GroomingReport } from '../../schemas/grooming.ts';
import type {
  DefinitionOfReady,
  ItemReadiness,
  ReadinessReport,
  UpdateDefinitionOfReadyInput,
} from '../../schemas/readiness.ts';
import type { CreateReviewInput, Review, ReviewFigures } from '../../schemas/review.ts';
import { ApiError, client, ifMatch, ok } from './client.ts';

export type ReadinessReportT = z.infer<typeof ReadinessReport>;
export type ItemReadinessT = z.infer<typeof ItemReadiness>;
export type DefinitionOfReadyT = z.infer<typeof DefinitionOfReady>;
export type UpdateDefinitionOfReadyBody = z.input<typeof UpdateDefinitionOfReadyInput>;
export type GroomingReportT = z.infer<typeof GroomingReport>;
export type DependencyMapT = z.infer<typeof DependencyMap>;
export type GraphNodeT = DependencyMapT['nodes'][number];
export type BacklogSequenceT = z.infer<typeof BacklogSequence> & { etag: string };
export type AppliedSequenceT = z.infer<typeof AppliedSequence>;
export type AlignmentReportT = z.infer<typeof AlignmentReport>;
export type DriftT = AlignmentReportT['drift'][number];
export type ForecastT = z.infer<typeof Forecast>;
export type TargetForecastT = ForecastT['initiatives'][number];
export type ReviewT = z.infer<typeof Review>;
export type ReviewFiguresT = z.infer<typeof ReviewFigures>;
export type CreateReviewBody = z.input<typeof CreateReviewInput>;

const inProduct = (productId: string) => ({ path: { productId } });

export const analysisApi = {
  definitionOfReady: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/definition-of-ready', { params: inProduct(productId), signal })),
  updateDefinitionOfReady: (productId: string, body: UpdateDefinitionOfReadyBody, version?: number) =>
    ok(
      client.PUT('/products/{productId}/definition-of-ready', {
        params: inProduct(productId),
        body: body as z.infer<typeof UpdateDefinitionOfReadyInput>,
        headers: version === undefined ? {} : ifMatch(version),
      }),
    ),
  readiness: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/readiness', { params: inProduct(productId), signal })),
  grooming: (productId: string, staleDays: number | undefined, signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/grooming', {
        params: { ...inProduct(productId), query: staleDays === undefined ? {} : { staleDays } },
        signal,
      }),
    ),
  dependencyGraph: (productId: string, initiativeId: string | undefined, signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/dependency-graph', {
        params: { ...inProduct(productId), query: initiativeId ? { initiativeId } : {} },
        signal,
      }),
    ),
  /** The sequence with its ETag, which an apply sends back so a changed backlog is not reordered blindly. */
  sequence: async (productId: string, signal?: AbortSignal): Promise<BacklogSequenceT> => {
    const answer = await client.GET('/products/{productId}/sequence', {
      params: inProduct(productId),
      signal,
    });
    const data = await ok(Promise.resolve(answer));
    const etag = answer.response.headers.get('etag')?.replace(/^W\//, '').replaceAll('"', '') ?? '';
    return { ...data, etag };
  },
  applySequence: (productId: string, etag: string) =>
    ok(
      client.POST('/products/{productId}/sequence/apply', {
        params: { ...inProduct(productId), header: { 'if-match': `"${etag}"` } },
      }),
    ),
  alignment: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/alignment', { params: inProduct(productId), signal })),
  forecast: (productId: string, unit: 'items' | 'points' = 'items', signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/forecast', {
        params: { ...inProduct(productId), query: { unit } },
        signal,
      }),
    ),
  reviewFigures: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/review-figures', { params: inProduct(productId), signal })),
  reviews: async (productId: string, signal?: AbortSignal) =>
    (await ok(client.GET('/products/{productId}/reviews', { params: inProduct(productId), signal }))).reviews,
  createReview: (productId: string, body: CreateReviewBody) =>
    ok(client.POST('/products/{productId}/reviews', { params: inProduct(productId), body })),
};

/** True when an apply was refused because the backlog changed since the sequence was read. */
export function isStaleSequence(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
