/** Releases and their notes: create, list, read, change, trash; generate and publish notes; read them. */
import { createRoute, z } from '@hono/zod-openapi';
import { publishedNotesHtml } from '../../presenters/published-notes-html.ts';
import { renderNotesHtml } from '../../presenters/release-notes-html.ts';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  CreateReleaseInput,
  Release,
  ReleaseDetail,
  ReleaseNotesQuery,
  UpdateReleaseInput,
} from '../../schemas/release.ts';
import { createRelease } from '../../services/releases/create-release.ts';
import { deleteRelease } from '../../services/releases/delete-release.ts';
import { generateNotes } from '../../services/releases/generate-release-notes.ts';
import { getRelease } from '../../services/releases/get-release.ts';
import { getReleaseNotes } from '../../services/releases/get-release-notes.ts';
import { listReleases } from '../../services/releases/list-releases.ts';
import { publishNotes } from '../../services/releases/publish-release-notes.ts';
import { updateRelease } from '../../services/releases/update-release.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const tags = ['releases'];
const oneRelease = versionedContent(Release, 'The release', 'release');
const byId = { params: z.object({ id: Id }) };
const inProduct = { params: z.object({ productId: Id }) };
const staleVersion = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };

const create = createRoute({
  method: 'post',
  path: '/products/{productId}/releases',
  operationId: 'createRelease',
  tags,
  summary: 'Create a planned release; its name must be free among the live releases of the product',
  security: authenticated,
  request: { ...inProduct, ...jsonBody(CreateReleaseInput) },
  responses: { 201: oneRelease, ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/releases',
  operationId: 'listReleases',
  tags,
  summary:
    "The product's releases: planned ones by target date, then released ones newest first, then cancelled",
  security: authenticated,
  request: inProduct,
  responses: {
    200: jsonContent(z.object({ releases: z.array(Release) }), 'The releases'),
    ...commonErrors,
  },
});

const get = createRoute({
  method: 'get',
  path: '/releases/{id}',
  operationId: 'getRelease',
  tags,
  summary: 'One release with its live items in rank order; a trashed one shows `deletedAt`',
  security: authenticated,
  request: byId,
  responses: {
    200: versionedContent(ReleaseDetail, 'The release and its items', 'release'),
    ...commonErrors,
  },
});

const update = createRoute({
  method: 'patch',
  path: '/releases/{id}',
  operationId: 'updateRelease',
  tags,
  summary: 'Change fields (state `released` stamps releasedAt); with If-Match, a stale version is refused',
  security: authenticated,
  request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateReleaseInput) },
  responses: { 200: oneRelease, ...commonErrors, ...staleVersion },
});

const remove = createRoute({
  method: 'delete',
  path: '/releases/{id}',
  operationId: 'deleteRelease',
  tags,
  summary: 'Move the release to the trash; its items leave it (each gets an event)',
  security: authenticated,
  request: byId,
  responses: { 200: oneRelease, ...commonErrors },
});

const generate = createRoute({
  method: 'post',
  path: '/releases/{id}/notes/generate',
  operationId: 'generateReleaseNotes',
  tags,
  summary: "Replace the draft notes with notes generated from the release's done items",
  security: authenticated,
  request: { ...byId, ...ifMatchHeader },
  responses: { 200: oneRelease, ...commonErrors, ...staleVersion },
});

const publish = createRoute({
  method: 'post',
  path: '/releases/{id}/notes/publish',
  operationId: 'publishReleaseNotes',
  tags,
  summary: 'Publish the draft notes (again: replaces them); a planned release becomes released',
  security: authenticated,
  request: { ...byId, ...ifMatchHeader },
  responses: { 200: oneRelease, ...commonErrors, ...staleVersion },
});

const notesDescription =
  'The published notes; `?draft=true` gives the draft. 404 when there are none (not published yet).';

const notesMarkdown = createRoute({
  method: 'get',
  path: '/releases/{id}/notes.md',
  operationId: 'getReleaseNotesMarkdown',
  tags,
  summary: 'The release notes as Markdown',
  description: notesDescription,
  security: authenticated,
  request: { ...byId, query: ReleaseNotesQuery },
  responses: {
    200: { content: { 'text/markdown': { schema: z.string() } }, description: 'Markdown' },
    ...commonErrors,
  },
});

const notesHtml = createRoute({
  method: 'get',
  path: '/releases/{id}/notes.html',
  operationId: 'getReleaseNotesHtml',
  tags,
  summary: 'The release notes as an HTML fragment (raw HTML in the Markdown is shown as text)',
  description: notesDescription,
  security: authenticated,
  request: { ...byId, query: ReleaseNotesQuery },
  responses: {
    200: { content: { 'text/html': { schema: z.string() } }, description: 'HTML' },
    ...commonErrors,
  },
});

export const releaseRoutes = createRouter()
  .openapi(create, async (c) => {
    const release = await createRelease({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 201);
  })
  .openapi(list, async (c) => {
    const releases = await listReleases({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ releases }, 200);
  })
  .openapi(get, async (c) => {
    const release = await getRelease({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 200);
  })
  .openapi(update, async (c) => {
    const release = await updateRelease({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 200);
  })
  .openapi(remove, async (c) => {
    const release = await deleteRelease({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 200);
  })
  .openapi(generate, async (c) => {
    const release = await generateNotes({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 200);
  })
  .openapi(publish, async (c) => {
    const release = await publishNotes({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${release.version}"`);
    return c.json(release, 200);
  })
  .openapi(notesMarkdown, async (c) => {
    const notes = await getReleaseNotes({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      draft: c.req.valid('query').draft === 'true',
    });
    return c.body(notes.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
  })
  .openapi(notesHtml, async (c) => {
    const notes = await getReleaseNotes({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      draft: c.req.valid('query').draft === 'true',
    });
    const html =
      notes.publishedAt === null
        ? renderNotesHtml(notes.markdown)
        : publishedNotesHtml({
            id: c.req.valid('param').id,
            publishedAt: notes.publishedAt,
            markdown: notes.markdown,
          });
    return c.body(html, 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });
