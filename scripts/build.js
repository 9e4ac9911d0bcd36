#!/usr/bin/env node
// Bundles the server and CLI into dist/cairn.js with esbuild (well under a second), so `npm start` runs
// one plain JavaScript file: no TypeScript loader, and no walk through the hundreds of small ES modules
// some packages ship (loading Kysely's alone took ~230 ms). Only native add-ons stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cairn.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'pg-native'],
  // Some bundled packages are CommonJS and call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cairnRequire } from 'node:module'; const require = __cairnRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  logLevel: 'warning',
});
