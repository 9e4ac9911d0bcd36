/** Sprints: plan, start, close with a report. */
import { createRouter } from '../openapi.ts';

export const sprintRoutes = createRouter();
