import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { photo, pngBomb } from '../../../test/support/uploads.js';
import { parseImageFormats } from './image.js';
import { decodeImage, widthsFor } from './image-encoder.js';

describe('widthsFor', () => {
  it('makes the standard widths below the original and one at most its own width', () => {
    assert.deepEqual(widthsFor(4000), [480, 960, 1600]);
    assert.deepEqual(widthsFor(1200), [480, 960, 1200]);
    assert.deepEqual(widthsFor(960), [480, 960]);
    assert.deepEqual(widthsFor(300), [300]);
  });
});

describe('parseImageFormats', () => {
  it('reads the stored list and drops words it does not know', () => {
    assert.deepEqual(parseImageFormats('avif,webp,jpg'), ['avif', 'webp', 'jpg']);
    assert.deepEqual(parseImageFormats('webp,jpg'), ['webp', 'jpg']);
    assert.deepEqual(parseImageFormats('jpg, gif'), ['jpg']);
  });
});

describe('decodeImage', () => {
  it('decodes upright pixels of a real image', async () => {
    const decoded = await decodeImage(await photo(640, 480));
    assert.deepEqual([decoded.width, decoded.height, decoded.channels], [640, 480, 3]);
  });

  it('refuses a decompression bomb from its header, before allocating its pixels', async () => {
    const before = process.memoryUsage().rss;
    await assert.rejects(decodeImage(pngBomb()), /مگاپیکسل/);
    assert.ok(process.memoryUsage().rss - before < 100 * 1024 * 1024);
  });
});
