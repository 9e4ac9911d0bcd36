#!/usr/bin/env node
// Builds what `npm start` runs:
// - the server and CLI, bundled into dist/cairn.js with esbuild (well under a second), so `npm start` runs
//   one plain JavaScript file: no TypeScript loader, and no walk through the hundreds of small ES modules
//   some packages ship (loading Kysely's alone took ~230 ms). Only native add-ons stay in node_modules.
// - the web app, built by Vite into dist/web, with .gz and .br copies of every text asset so the server
//   sends them precompressed. Skipped when dist/web is newer than every web source (a restart stays fast).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
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

function newest(paths) {
  let latest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      latest = Math.max(latest, newest(readdirSync(path).map((name) => join(path, name))));
    } else {
      latest = Math.max(latest, stat.mtimeMs);
    }
  }
  return latest;
}

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const webSources = ['src/web', 'src/schemas', 'src/domain', 'src/presenters', 'package-lock.json'];
const builtAt = existsSync('dist/web/index.html') ? statSync('dist/web/index.html').mtimeMs : 0;
if (process.argv.includes('--force') || newest(webSources) > builtAt) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: 'src/web/vite.config.ts', logLevel: 'warn' });
  for (const path of files('dist/web')) {
    if (!/\.(js|css|html|svg|json)$/.test(path)) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}
