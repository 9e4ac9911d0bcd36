/** Products and their membership. */
import { createRoute, z } from '@hono/zod-openapi';
import { RoadmapAnnouncement, RoadmapBaselineSummary } from '../../schemas/baseline.ts';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import { Initiative } from '../../schemas/initiative.ts';
import { Item } from '../../schemas/item.ts';
import { PrdSummary } from '../../schemas/prd.ts';
import { CreateProductInput, Objective, Product, Theme, UpdateProductInput } from '../../schemas/product.ts';
import { ShareLink } from '../../schemas/share-link.ts';
import { StoryMapSummary } from '../../schemas/story-map.ts';
import { VisionDraft } from '../../schemas/vision.ts';
import { createProduct } from '../../services/products/create-product.ts';
import { getProduct } from '../../services/products/get-product.ts';
import { listProducts } from '../../services/products/list-products.ts';
import { listTrash } from '../../services/products/list-trash.ts';
import { setProductMember } from '../../services/products/set-product-member.ts';
import { updateProduct } from '../../services/products/update-product.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const productParams = z.object({ productId: Id });
const oneProduct = versionedContent(Product, 'The product', 'product');

const create = createRoute({
  method: 'post',
  path: '/products',
  operationId: 'createProduct',
  tags: ['products'],
  summary: 'Create a product; its key (2–10 capitals) prefixes item keys',
  security: authenticated,
  request: jsonBody(CreateProductInput),
  responses: { 201: jsonContent(Product, 'The product'), ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  tags: ['products'],
  summary: 'Products you can see',
  security: authenticated,
  responses: {
    200: jsonContent(z.object({ products: z.array(Product) }), 'Products'),
    401: commonErrors[401],
  },
});

const get = createRoute({
  method: 'get',
  path: '/products/{productId}',
  operationId: 'getProduct',
  tags: ['products'],
  summary: 'One product',
  security: authenticated,
  request: { params: productParams },
  responses: { 200: oneProduct, ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/products/{productId}',
  operationId: 'updateProduct',
  tags: ['products'],
  summary: 'Rename or re-describe a product (admins); with If-Match, a stale version gets 412',
  security: authenticated,
  request: { params: productParams, ...ifMatchHeader, ...jsonBody(UpdateProductInput) },
  responses: {
    200: oneProduct,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const memberParams = z.object({ productId: Id, userId: Id });

const addMember = createRoute({
  method: 'put',
  path: '/products/{productId}/members/{userId}',
  operationId: 'addProductMember',
  tags: ['products'],
  summary: 'Give an editor or viewer access to a product (admins)',
  security: authenticated,
  request: { params: memberParams },
  responses: { 204: { description: 'The user is a member' }, ...commonErrors },
});

const removeMember = createRoute({
  method: 'delete',
  path: '/products/{productId}/members/{userId}',
  operationId: 'removeProductMember',
  tags: ['products'],
  summary: 'Take a user’s access to a product away (admins)',
  security: authenticated,
  request: { params: memberParams },
  responses: { 204: { description: 'The user is no longer a member' }, ...commonErrors },
});

const trash = createRoute({
  method: 'get',
  path: '/products/{productId}/trash',
  operationId: 'listTrash',
  tags: ['products'],
  summary:
    'What is in the product’s trash (items, initiatives, objectives, themes, roadmap baselines, PRDs, ' +
    'story maps, revoked share links, the vision draft, roadmap announcements), newest first',
  security: authenticated,
  request: {
    params: productParams,
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict(),
  },
  responses: {
    200: jsonContent(
      z
        .object({
          items: z.array(Item),
          initiatives: z.array(Initiative),
          objectives: z.array(Objective),
          themes: z.array(Theme),
          roadmapBaselines: z.array(RoadmapBaselineSummary),
          prds: z.array(PrdSummary),
          storyMaps: z.array(StoryMapSummary),
          shareLinks: z.array(ShareLink).describe('Revoked links (never their token).'),
          visionDrafts: z
            .array(VisionDraft)
            .describe(
              'The vision draft when it is in the trash (with the text a restore brings back): 0 or 1.',
            ),
          roadmapAnnouncements: z.array(RoadmapAnnouncement),
        })
        .openapi('Trash'),
      'The trash',
    ),
    ...commonErrors,
  },
});

export const productRoutes = createRouter()
  .openapi(create, async (c) => {
    const product = await createProduct({
      db: c.get('options').db,
      actor: c.get('actor'),
      input: c.req.valid('json'),
    });
    return c.json(product, 201);
  })
  .openapi(list, async (c) =>
    c.json({ products: await listProducts({ db: c.get('options').db, actor: c.get('actor') }) }, 200),
  )
  .openapi(get, async (c) => {
    const product = await getProduct({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(product, 200, { ETag: `"${product.version}"` });
  })
  .openapi(update, async (c) => {
    const product = await updateProduct({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(product, 200, { ETag: `"${product.version}"` });
  })
  .openapi(trash, async (c) => {
    const { db } = c.get('options');
    const { limit } = c.req.valid('query');
    return c.json(
      await listTrash({ db, actor: c.get('actor'), productId: c.req.valid('param').productId, limit }),
      200,
    );
  })
  .openapi(addMember, async (c) => {
    const { productId, userId } = c.req.valid('param');
    await setProductMember({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId,
      userId,
      member: true,
    });
    return c.body(null, 204);
  })
  .openapi(removeMember, async (c) => {
    const { productId, userId } = c.req.valid('param');
    await setProductMember({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId,
      userId,
      member: false,
    });
    return c.body(null, 204);
  });
