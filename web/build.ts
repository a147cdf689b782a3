// Bundles the web app with esbuild into dist/web (app.js, app.css, index.html), which the server
// serves at `/`. Run by `npm run build` and `npm start`; tests call `buildWeb()` before a browser run.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const webDir = fileURLToPath(new URL('.', import.meta.url));

/** Where the bundle goes: dist/web of this package. */
export const defaultWebOutDir = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface BuildWebOptions {
  outDir?: string;
  minify?: boolean;
}

/**
 * zod's `z` namespace re-exports every locale's error messages (about 300 kB); the page only needs
 * English, so the locales index is swapped for one that holds `en` alone.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: resolve(dirname(args.importer), args.path), namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path.replace(/index\.js$/, 'en.js'))};`,
      resolveDir: webDir,
    }));
  },
};

/** Builds the bundle; resolves to the output folder. */
export async function buildWeb(options: BuildWebOptions = {}): Promise<string> {
  const outDir = options.outDir ?? defaultWebOutDir;
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [
      { in: `${webDir}main.ts`, out: 'app' },
      { in: `${webDir}styles.css`, out: 'app' },
    ],
    outdir: outDir,
    bundle: true,
    format: 'esm',
    // KaTeX is imported dynamically (web/markdown.ts): it goes to its own chunk, fetched on first math.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'browser',
    target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
    minify: options.minify ?? true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [zodEnglishOnly],
  });
  await copyFile(`${webDir}index.html`, `${outDir}/index.html`);
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const out = await buildWeb();
  console.log(`web app built into ${out} in ${Math.round(performance.now() - started)} ms`);
}
