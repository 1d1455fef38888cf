import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createImage } from '../../../test/support/factories.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { imageCropSizes, imageCrops, sharedImage } from './image.js';
import { findImageById } from './image-repository.js';

for (const engine of await enginesUnderTest()) {
  describe(`image crops on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    before(async () => {
      t = await buildTestApp(engine);
    });
    after(() => t?.close());

    const cropFile = (key: string, crop: string) =>
      path.join(t.services.media.mediaDir, `${key}-${crop}.jpg`);

    it('makes the 16x9, 4x3, 1x1 and 1200×630 crops when an image is stored', async () => {
      const image = await createImage(t.services);
      assert.deepEqual(image.crops, imageCrops);
      for (const crop of imageCrops) {
        const { width, height, format } = await sharp(cropFile(image.storageKey, crop)).metadata();
        assert.equal(format, 'jpeg');
        assert.deepEqual({ width, height }, imageCropSizes[crop]);
      }
    });

    it('crops images stored before crops existed, which meanwhile show their largest variant', async () => {
      const image = await createImage(t.services);
      for (const crop of imageCrops) rmSync(cropFile(image.storageKey, crop));
      await t.services.db.updateTable('images').set({ crops: '' }).where('id', '=', image.id).execute();
      const before = await findImageById(t.services.db, image.id);
      assert.deepEqual(before?.crops, []);
      assert.equal(before && sharedImage(before, 'og').url, `/media/${image.storageKey}-1000.jpg`);

      const errors: unknown[] = [];
      const result = await t.services.media.cropImagesWithoutCrops((error) => errors.push(error));
      assert.deepEqual(errors, []);
      assert.equal(result.cropped, 1);
      const upgraded = await findImageById(t.services.db, image.id);
      assert.deepEqual(upgraded?.crops, imageCrops);
      for (const crop of imageCrops) assert.ok(existsSync(cropFile(image.storageKey, crop)), crop);
      assert.deepEqual(await t.services.media.cropImagesWithoutCrops(() => {}), { cropped: 0, failed: 0 });
    });

    it('reports and skips an old image whose variant is gone, and goes on with the rest', async () => {
      const broken = await createImage(t.services);
      const fine = await createImage(t.services);
      await t.services.db
        .updateTable('images')
        .set({ crops: '' })
        .where('id', 'in', [broken.id, fine.id])
        .execute();
      rmSync(path.join(t.services.media.mediaDir, `${broken.storageKey}-1000.jpg`));
      const failedIds: number[] = [];
      const result = await t.services.media.cropImagesWithoutCrops((_error, image) =>
        failedIds.push(image.id),
      );
      assert.deepEqual(result, { cropped: 1, failed: 1 });
      assert.deepEqual(failedIds, [broken.id]);
    });
  });
}
