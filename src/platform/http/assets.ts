import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// This file sits three levels below the project root both in src/ and in dist/.
const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const publicDir = path.join(projectRoot, 'public');

export interface AssetUrls {
  stylesheet: string;
  script: string;
  icon: string;
  newsroomStylesheet: string;
  newsroomScript: string;
}

function versioned(file: string): string {
  const full = path.join(publicDir, file);
  if (!existsSync(full)) {
    throw new Error(`public/${file} is missing; run \`npm run build:client\` (npm install does it too)`);
  }
  const hash = createHash('sha256').update(readFileSync(full)).digest('hex').slice(0, 10);
  return `/assets/${file}?v=${hash}`;
}

/** Asset URLs carrying a content hash, so browsers may keep them for a year and never run a stale one after a deploy. */
export function assetUrls(): AssetUrls {
  return {
    stylesheet: versioned('site.css'),
    script: versioned('site.js'),
    icon: versioned('favicon.svg'),
    newsroomStylesheet: versioned('build/newsroom.css'),
    newsroomScript: versioned('build/newsroom.js'),
  };
}

/**
 * Serves the stylesheet, the one small script, the self-hosted fonts (subset
 * into public/fonts by the build) and the uploaded media, all with a one-year
 * cache: their URLs change when they do.
 */
export async function registerAssets(app: FastifyInstance, mediaDir: string): Promise<void> {
  const year = 365 * 24 * 3600;
  const immutable = (res: { setHeader(name: string, value: string): unknown }) =>
    res.setHeader('Cache-Control', `public, max-age=${year}, immutable`);
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    cacheControl: false,
    setHeaders: immutable,
    // The build writes .br and .gz copies beside each text asset (scripts/precompress.mjs).
    preCompressed: true,
    wildcard: true,
  });
  await app.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: immutable,
  });
}
