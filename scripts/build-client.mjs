// Bundles the newsroom's browser code (editor, pickers) into public/build/.
// Run by `npm run build`, `npm test` and `npm run dev`; the output is not committed.
import { build } from 'esbuild';

await build({
  entryPoints: { newsroom: 'src/client/newsroom.ts' },
  outdir: 'public/build',
  bundle: true,
  format: 'esm',
  target: ['es2020', 'chrome90', 'firefox90', 'safari14'],
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
});
