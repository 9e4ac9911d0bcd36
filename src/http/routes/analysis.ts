/** Computed reports on a product's plan: alignment, dependency map, sequence, grooming, forecast. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AlignmentReport } from '../../schemas/alignment.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import {
  AppliedSequence,
  BacklogSequence,
  DependencyMap,
  DependencyMapQuery,
} from '../../schemas/dependency-map.ts';
import { Forecast, ForecastQuery } from '../../schemas/forecast.ts';
import { GroomingQuery, GroomingReport } from '../../schemas/grooming.ts';
import { CreateReviewInput, Review, ReviewFigures } from '../../schemas/review.ts';
import { invalidField } from '../../services/errors.ts';
import { applySequence, getSequence } from '../../services/intelligence/backlog-sequence.ts';
import { getAlignment } from '../../services/intelligence/get-alignment.ts';
import { getDependencyMap } from '../../services/intelligence/get-dependency-map.ts';
import { getForecast } from '../../services/intelligence/get-forecast.ts';
import { getGrooming } from '../../services/intelligence/get-grooming.ts';
import { createReview, getReviewFigures, listReviews } from '../../services/intelligence/reviews.ts';
import type { AppEnv } from '../env.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['planning intelligence'];

const alignment = createRoute({
  method: 'get',
  path: '/products/{productId}/alignment',
  operationId: 'getAlignment',
  tags,
  summary: 'Whether the backlog serves the roadmap: coverage, orphan work, initiatives without work, drift',
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(AlignmentReport, 'The alignment report'), ...commonErrors },
});

const dependencyGraph = createRoute({
  method: 'get',
  path: '/products/{productId}/dependency-graph',
  operationId: 'getDependencyGraph',
  tags,
  summary: 'Items, initiatives and external dependencies linked by what blocks what, with the critical path',
  description:
    'Open items that block or wait on something, the initiatives they serve and the external business ' +
    'dependencies they wait on. At most 2,000 nodes (critical-path items first, then rank order); ' +
    '`truncated` says when the map was cut.',
  security: authenticated,
  request: { ...productRefParams, query: DependencyMapQuery },
  responses: { 200: jsonContent(DependencyMap, 'The dependency map'), ...commonErrors },
});

const sequenceEtag = {
  ETag: { schema: { type: 'string' as const }, description: 'What the sequence was computed from, quoted' },
};

const sequence = createRoute({
  method: 'get',
  path: '/products/{productId}/sequence',
  operationId: 'getSequence',
  tags,
  summary: 'The backlog order that respects every dependency while staying closest to the rank',
  security: authenticated,
  request: productRefParams,
  responses: {
    200: { ...jsonContent(BacklogSequence, 'The sequence and the moves to reach it'), headers: sequenceEtag },
    ...commonErrors,
  },
});

const applySequenceRoute = createRoute({
  method: 'post',
  path: '/products/{productId}/sequence/apply',
  operationId: 'applySequence',
  tags,
  summary: 'Make the moves of the sequence (one event per move, all or none)',
  description:
    "With If-Match carrying the sequence's ETag, a backlog that changed since answers 412 and nothing moves.",
  security: authenticated,
  request: {
    ...productRefParams,
    headers: z.object({ 'if-match': z.string().optional().describe('The ETag of the sequence you saw') }),
  },
  responses: {
    200: { ...jsonContent(AppliedSequence, 'The backlog sequence after the moves'), headers: sequenceEtag },
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: the backlog changed since'),
  },
});

const forecast = createRoute({
  method: 'get',
  path: '/products/{productId}/forecast',
  operationId: 'getForecast',
  tags,
  summary: 'When each open initiative and planned release will be done: p50/p85/p95 from real throughput',
  description:
    'A Monte Carlo over the items completed per day in the last 12 weeks (per team where the work has ' +
    'one, else the whole product), working through the open items in dependency order. A history under ' +
    '10 completed items or 3 weeks gives no dates, only a warning. Each trial stops at 3 years.',
  security: authenticated,
  request: { ...productRefParams, query: ForecastQuery },
  responses: { 200: jsonContent(Forecast, 'The forecast'), ...commonErrors },
});

const reviewFigures = createRoute({
  method: 'get',
  path: '/products/{productId}/review-figures',
  operationId: 'getReviewFigures',
  tags,
  summary: 'What a strategic review recorded now would hold: alignment, forecasts, blockers, changes',
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(ReviewFigures, 'The figures of the moment'), ...commonErrors },
});

const createReviewRoute = createRoute({
  method: 'post',
  path: '/products/{productId}/reviews',
  operationId: 'createReview',
  tags,
  summary: 'Record a strategic review: its decisions, with a snapshot of the figures they were taken on',
  security: authenticated,
  request: { ...productRefParams, ...jsonBody(CreateReviewInput) },
  responses: { 201: jsonContent(Review, 'The review'), ...commonErrors },
});

const listReviewsRoute = createRoute({
  method: 'get',
  path: '/products/{productId}/reviews',
  operationId: 'listReviews',
  tags,
  summary: 'Past strategic reviews, newest first (the last 100)',
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(z.object({ reviews: z.array(Review) }), 'Reviews'), ...commonErrors },
});

const grooming = createRoute({
  method: 'get',
  path: '/products/{productId}/grooming',
  operationId: 'getGrooming',
  tags,
  summary:
    'What to refine: not-ready items near the top, stale, oversized and undersized items, duplicates, ' +
    'work for closed initiatives, and how many sprints of ready work the backlog holds',
  security: authenticated,
  request: { ...productRefParams, query: GroomingQuery },
  responses: { 200: jsonContent(GroomingReport, 'The grooming report'), ...commonErrors },
});

/** What every route here passes its service: the database, who asks, and the product (its id or key). */
function reportContext(c: Context<AppEnv>) {
  return { db: c.get('options').db, actor: c.get('actor'), productId: c.req.param('productId') ?? '' };
}

/** The sequence ETag a client sends back: `"abc"`, `W/"abc"` or `*` / absent (any). */
function sequenceTag(header: string | undefined): string | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"([A-Za-z0-9_-]{1,64})"\s*$/.exec(header);
  if (!match?.[1]) throw invalidField('If-Match', 'must be the ETag of a sequence this API returned');
  return match[1];
}

export const analysisRoutes = createRouter()
  .openapi(alignment, async (c) => c.json(await getAlignment(reportContext(c)), 200))
  .openapi(dependencyGraph, async (c) =>
    c.json(
      await getDependencyMap({
        ...reportContext(c),
        initiativeId: c.req.valid('query').initiativeId,
      }),
      200,
    ),
  )
  .openapi(forecast, async (c) =>
    c.json(
      await getForecast({
        ...reportContext(c),
        ...c.req.valid('query'),
      }),
      200,
    ),
  )
  .openapi(grooming, async (c) =>
    c.json(
      await getGrooming({
        ...reportContext(c),
        staleDays: c.req.valid('query').staleDays,
      }),
      200,
    ),
  )
  .openapi(reviewFigures, async (c) => c.json(await getReviewFigures(reportContext(c)), 200))
  .openapi(createReviewRoute, async (c) =>
    c.json(
      await createReview({
        ...reportContext(c),
        input: c.req.valid('json'),
      }),
      201,
    ),
  )
  .openapi(listReviewsRoute, async (c) =>
    c.json(
      {
        reviews: await listReviews(reportContext(c)),
      },
      200,
    ),
  )
  .openapi(sequence, async (c) => {
    const { etag, ...result } = await getSequence(reportContext(c));
    return c.json(result, 200, { ETag: `"${etag}"` });
  })
  .openapi(applySequenceRoute, async (c) => {
    const { etag, ...result } = await applySequence({
      ...reportContext(c),
      expectedEtag: sequenceTag(c.req.header('if-match')),
    });
    return c.json(result, 200, { ETag: `"${etag}"` });
  });
