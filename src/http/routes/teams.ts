/** Teams of a product and their members. */
import { createRouter } from '../openapi.ts';

export const teamRoutes = createRouter();
