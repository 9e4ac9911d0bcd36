/** Builds the web app into dist/web, which the Cairn server serves at `/`. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build as esbuild } from 'esbuild';
import type { OutputBundle } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Where index.html takes the boot script: before the stylesheet, which an inline script would wait for. */
const BOOT_SCRIPT_PLACE = '<!-- boot script -->';

/** The lazy screens an address opens on, by the source of their chunk (see screenOf in boot.ts). */
const SCREEN_SOURCES = {
  roadmap: 'screens/roadmap/board-screen.tsx',
  timeline: 'screens/roadmap/timeline-screen.tsx',
  item: 'screens/items/item-panel.tsx',
  'story-map': 'screens/story-maps/story-map-screen.tsx',
};

/** A lazy screen's chunk and the chunks and CSS it imports, as paths from the site's root. */
function screenFiles(bundle: OutputBundle, source: string): string[] {
  const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const files = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = byName.get(fileName);
    if (!chunk || chunk.isEntry || files.has(`/${fileName}`)) return;
    files.add(`/${fileName}`);
    for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(`/${css}`);
    for (const imported of chunk.imports) visit(imported);
  };
  const screen = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(source));
  if (screen) visit(screen.fileName);
  return [...files];
}

/** Each lazy screen's files, by screen. */
function allScreenFiles(bundle: OutputBundle): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(SCREEN_SOURCES).map(([screen, source]) => [screen, screenFiles(bundle, source)]),
  );
}

/**
 * Writes them to dist/web/screen-files.json too: the server links a screen's stylesheets into a page whose
 * first paint draws that screen (src/http/web-app.ts).
 */
function screenFilesManifest(): Plugin {
  return {
    name: 'cairn:screen-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'screen-files.json',
        source: `${JSON.stringify(allScreenFiles(bundle as unknown as OutputBundle), null, 2)}\n`,
      });
    },
  };
}

/**
 * Inlines boot/boot.ts (bundled on its own, minified) as the first script of index.html, so the first
 * reads go out before the app's code has even downloaded, and the lazy screen of the address is asked for
 * at once rather than once the app has rendered. The server allows it by its hash (web-app.ts).
 */
function inlineBootScript(): Plugin {
  return {
    name: 'cairn:inline-boot-script',
    transformIndexHtml: { order: 'post', handler: inlineBoot },
  };
}

async function inlineBoot(html: string, { bundle }: { bundle?: OutputBundle }): Promise<string> {
  if (!html.includes(BOOT_SCRIPT_PLACE)) throw new Error(`index.html has no ${BOOT_SCRIPT_PLACE}`);
  const built = await esbuild({
    entryPoints: [fileURLToPath(new URL('boot/boot.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2022',
    logLevel: 'warning',
    define: {
      BOOT_SCREEN_FILES: JSON.stringify(bundle ? allScreenFiles(bundle) : {}),
    },
  });
  const code = built.outputFiles[0]?.text.trim() ?? '';
  return html.replace(BOOT_SCRIPT_PLACE, () => `<script>${code}</script>`);
}

export default defineConfig({
  root,
  plugins: [react(), inlineBootScript(), screenFilesManifest()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // One budget for the whole app (issue 4: ≤ 300 kB gzip); the benchmark reports the real figure.
    chunkSizeWarningLimit: 900,
  },
  server: {
    // `npm run dev:web` proxies the API to a Cairn server on :4100 (start it with `npm start`).
    proxy: { '/api': { target: 'http://127.0.0.1:4100', changeOrigin: false } },
  },
});
