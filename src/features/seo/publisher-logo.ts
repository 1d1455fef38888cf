import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// This file sits three levels below the project root both in src/ and in dist/.
const iconFile = fileURLToPath(new URL('../../../public/favicon.svg', import.meta.url));

/**
 * The publisher logo of structured data. Search engines want a raster image, and the site's
 * mark is an SVG; it is drawn once per process at a fixed size.
 */
export const publisherLogo = { path: '/logo.png', size: 512 } as const;

let drawn: Promise<Buffer> | undefined;

/** The logo as PNG bytes, drawn on first use from public/favicon.svg. */
export function publisherLogoPng(): Promise<Buffer> {
  // Sharp is loaded here, not at start: most processes never draw the logo.
  drawn ??= Promise.all([readFile(iconFile), import('sharp')]).then(([svg, { default: sharp }]) =>
    sharp(svg, { density: 1200 }).resize(publisherLogo.size, publisherLogo.size).png().toBuffer(),
  );
  // A failed draw is not remembered, so the next request tries again.
  drawn.catch(() => {
    drawn = undefined;
  });
  return drawn;
}
