/** Releases and their notes. */
import { createRouter } from '../openapi.ts';

export const releaseRoutes = createRouter();
