// Bundles test files with esbuild, one plain JavaScript module per test file (shared code in common chunks),
// so that each test process loads a few files instead of walking hundreds of TypeScript modules through
// tsx's loader hooks. On Node 20 those hooks run on a separate thread and every module costs a round trip
// to it: test/http/request-body.test.ts took 2.5 s of CPU through tsx and 0.9 s bundled, and the suite
// starts ~95 test processes. The sources are what tsx would run (esbuild is what tsx transpiles with), with
// import.meta.url/dirname/filename kept as the source file's own, so paths built from them still point into
// the checkout. Most packages are bundled too (see EXTERNAL for those that are not).
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Where the bundles go: under node_modules, so bare imports resolve to the checkout's packages. */
export const BUNDLE_DIR = 'node_modules/.cache/cairn-tests';

const EXTERNAL = [
  'better-sqlite3',
  'pg-native',
  'playwright-core',
  'esbuild',
  'vite',
  '@vitejs/*',
  'typescript',
  'openapi-typescript',
  '@redocly/*',
  'rolldown',
  // Megabytes of dictionaries, loaded only when a password is checked.
  '@zxcvbn-ts/*',
];

/** Each source file's own import.meta values, written in as constants (a bundle has one import.meta). */
const keepImportMeta = {
  name: 'keep-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const source = await readFile(args.path, 'utf8');
      const loader = args.path.endsWith('.tsx') ? 'tsx' : 'ts';
      if (!source.includes('import.meta')) return { contents: source, loader };
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader };
    });
  },
};

/**
 * Bundles the given test files (paths relative to the checkout) and returns each one's bundle, in the same
 * order. With --enable-source-maps a failure's stack names the .ts line (linked maps: inline ones cost each
 * test process ~0.1 s of CPU to decode, linked ones nothing measurable). The previous run's bundles are
 * removed first, so the directory never grows with stale chunks.
 */
export async function bundleTests(files) {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: BUNDLE_DIR,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are bundled too (Kysely alone is hundreds of small modules), except native add-ons and the
    // tools that find their own files on disk or start processes from them.
    external: EXTERNAL,
    sourcemap: 'linked',
    // Some bundled code calls require() (CommonJS interop): give each module one.
    banner: {
      js: "import { createRequire as __cairnRequire } from 'node:module'; const require = __cairnRequire(import.meta.url);",
    },
    plugins: [keepImportMeta],
    logLevel: 'warning',
  });
  return files.map((file) => join(BUNDLE_DIR, relative('.', file).replace(/\.tsx?$/, '.mjs')));
}
