/** Products and users over the API. */
import { client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

export type NewProduct = components['schemas']['CreateProductInput'];

export const productsApi = {
  /** The products the signed-in user can see. */
  list: () => ok(client.GET('/products')).then((body) => body.products),
  /** One product by its id or key. */
  get: (productId: string) => ok(client.GET('/products/{productId}', { params: { path: { productId } } })),
  create: (input: NewProduct) => ok(client.POST('/products', { body: input })),
};

export const usersApi = {
  list: () => ok(client.GET('/users')).then((body) => body.users),
};
