// Bundles the newsroom's browser code (editor, pickers) and its stylesheet into public/build/.
// Run by `npm run build`, `npm test` and `npm run dev`; the output is not committed.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/client/newsroom.ts', 'src/client/newsroom.css'],
  outdir: 'public/build',
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // Fonts are served by the app under /assets/fonts; the CSS refers to them, it does not embed them.
  external: ['/assets/*'],
  logLevel: 'warning',
});
