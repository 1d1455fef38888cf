// Bundles the newsroom's browser code (editor, pickers) and its stylesheet into public/build/, and
// subsets the site's fonts into public/fonts/, then writes compressed copies of the text assets.
// Run by `npm run build`, `npm test` and `npm run dev`; the output is not committed.
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { precompress } from './precompress.mjs';
import { subsetFonts } from './subset-fonts.mjs';

// Chunk names carry content hashes; start empty so old chunks do not pile up.
await rm('public/build', { recursive: true, force: true });

await build({
  entryPoints: ['src/client/newsroom.ts', 'src/client/newsroom.css'],
  outdir: 'public/build',
  bundle: true,
  format: 'esm',
  // The editor is imported on demand (only the article form needs it) and lands in its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // The editor's pickers are native <dialog> elements, which Firefox has from 98 and Safari from 15.4;
  // older browsers still get every page, just without the enhancements.
  target: ['es2020', 'chrome90', 'firefox98', 'safari15.4'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Fonts are served by the app under /assets/fonts; the CSS refers to them, it does not embed them.
  external: ['/assets/*'],
  logLevel: 'warning',
});

await subsetFonts();
await precompress('public');
