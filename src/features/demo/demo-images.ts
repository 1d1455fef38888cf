// Demo pictures are drawn, not downloaded: a stylised landscape or city in the
// section's colours, different for every seed, so the demo needs no photo files.

const palettes: Record<string, [string, string, string, string]> = {
  politics: ['#1d3557', '#457b9d', '#a8dadc', '#e63946'],
  economy: ['#264653', '#2a9d8f', '#e9c46a', '#f4a261'],
  society: ['#355070', '#6d597a', '#b56576', '#eaac8b'],
  culture: ['#3d405b', '#81b29a', '#f2cc8f', '#e07a5f'],
  sport: ['#1b4332', '#40916c', '#95d5b2', '#ffd166'],
  world: ['#03045e', '#0077b6', '#90e0ef', '#f77f00'],
  opinion: ['#22223b', '#4a4e69', '#9a8c98', '#f2e9e4'],
};

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function ridge(rand: () => number, width: number, base: number, amplitude: number): string {
  const points: string[] = [`0,${base}`];
  for (let x = 0; x <= width; x += width / 8)
    points.push(`${x.toFixed(0)},${(base - rand() * amplitude).toFixed(0)}`);
  return `M${points.join(' L')} L${width},${base + 400} L0,${base + 400} Z`;
}

/** Draws one 960×540 picture as an SVG; the same section and seed always give the same picture. */
export function demoPictureSvg(section: string, seed: number): string {
  const [deep, mid, light, accent] = palettes[section] ?? palettes.opinion!;
  const rand = random(seed * 7919 + section.length);
  // Small enough to seed quickly on a first start, large enough for a sharp phone screen.
  const width = 960;
  const height = 540;
  const sun = { x: 120 + rand() * 720, y: 90 + rand() * 130, r: 32 + rand() * 40 };
  const buildings: string[] = [];
  for (let x = -20; x < width; ) {
    const w = 32 + rand() * 56;
    const h = 48 + rand() * 176;
    buildings.push(
      `<rect x="${x.toFixed(0)}" y="${(height - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" />`,
    );
    x += w + 4 + rand() * 16;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${deep}"/><stop offset="0.65" stop-color="${mid}"/><stop offset="1" stop-color="${light}"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <circle cx="${sun.x.toFixed(0)}" cy="${sun.y.toFixed(0)}" r="${sun.r.toFixed(0)}" fill="${accent}" opacity="0.9"/>
  <path d="${ridge(rand, width, 376, 136)}" fill="${deep}" opacity="0.45"/>
  <path d="${ridge(rand, width, 432, 96)}" fill="${deep}" opacity="0.7"/>
  <g fill="${deep}" opacity="0.92">${buildings.join('')}</g>
</svg>`;
}

/** The picture as bytes the media service stores like any upload (it reads SVG, too). */
export function demoPicture(section: string, seed: number): Buffer {
  return Buffer.from(demoPictureSvg(section, seed));
}
