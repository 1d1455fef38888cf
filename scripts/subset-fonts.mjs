// Cuts the Vazirmatn web fonts down to the characters a Persian news site writes with (Persian and
// Arabic letters and digits, Latin, common punctuation, the joiners and direction marks) into
// public/fonts/, which the app serves under /assets/fonts/. About a third smaller per weight;
// shaping still works because the subsetter keeps every glyph the kept letters' forms need.
// Skipped when the output is newer than the font and this script. The output is not committed.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

export const fontRanges = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1: no-break space, « », ×, ÷
  [0x0600, 0x06ff], // Arabic block: Persian letters, ، ؛ ؟, Persian and Arabic-Indic digits
  [0x200c, 0x200f], // ZWNJ, ZWJ, LRM, RLM
  [0x2010, 0x2027], // dashes, quotes, ellipsis
  [0x2030, 0x203a], // per mille, primes, single guillemets
  [0x2066, 0x2069], // directional isolates
  [0x20ac, 0x20ac], // euro sign
];

const weights = ['Regular', 'Bold'];
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = path.join(root, 'public/fonts');
const sourceDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vazirmatn/package.json')),
  'fonts/webfonts',
);
const script = fileURLToPath(import.meta.url);

async function modified(file) {
  return stat(file).then(
    (s) => s.mtimeMs,
    () => 0,
  );
}

export async function subsetFonts() {
  await mkdir(outDir, { recursive: true });
  let text = '';
  for (const [from, to] of fontRanges) for (let c = from; c <= to; c++) text += String.fromCodePoint(c);
  for (const weight of weights) {
    const source = path.join(sourceDir, `Vazirmatn-${weight}.woff2`);
    const target = path.join(outDir, `Vazirmatn-${weight}.woff2`);
    const built = await modified(target);
    if (built > (await modified(source)) && built > (await modified(script))) continue;
    const subset = await subsetFont(await readFile(source), text, { targetFormat: 'woff2' });
    await writeFile(target, subset);
  }
}

if (process.argv[1] === script) await subsetFonts();
