/** Charts from the event log: burndown/burnup, velocity, cumulative flow (JSON or CSV). */
import { createRouter } from '../openapi.ts';

export const chartRoutes = createRouter();
