/** Published release notes outside the API: Atom feed, Markdown and HTML per product. */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';

export const feedRoutes = new Hono<AppEnv>();
