#!/usr/bin/env node
// Bundles the server and CLI into dist/cairn.js with esbuild (about a tenth of a second), so `npm start`
// runs plain JavaScript: no TypeScript loader at start-up. npm packages stay external (node_modules).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cairn.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
