import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import type { Image } from '../image.js';
import { Picture } from './Picture.js';

const image: Image = {
  id: 7,
  storageKey: '2026/11/abc',
  width: 1200,
  height: 800,
  variantWidths: [480, 960, 1200],
  formats: ['avif', 'webp', 'jpg'],
  crops: [],
  alt: 'شالیزار',
  caption: null,
  credit: 'ایرنا',
};

describe('Picture', () => {
  it('offers AVIF first, then WebP, with a JPEG img of the 960 variant', () => {
    const html = render(<Picture image={image} sizes="100vw" />);
    const avif = html.indexOf('type="image/avif"');
    const webp = html.indexOf('type="image/webp"');
    assert.ok(avif > 0 && webp > avif);
    assert.match(html, /srcset="\/media\/2026\/11\/abc-480\.avif 480w, [^"]*-1200\.avif 1200w"/);
    assert.match(html, /src="\/media\/2026\/11\/abc-960\.jpg"/);
    assert.match(html, /alt="شالیزار"/);
  });

  it('leaves AVIF out for an image stored before AVIF variants were made', () => {
    const html = render(<Picture image={{ ...image, formats: ['webp', 'jpg'] }} sizes="100vw" />);
    assert.doesNotMatch(html, /avif/);
    assert.match(html, /type="image\/webp"/);
  });
});
