import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type SignedIn, signedInUser } from '../../../test/support/newsroom.js';
import { buildTestApp, enginesUnderTest, type TestApp } from '../../../test/support/test-app.js';
import { filesUnder, multipartBody, photo, pngBomb, type UploadFile } from '../../../test/support/uploads.js';

const details = { alt: 'شالیزار آمل پیش از برداشت', credit: 'مریم کاظمی', caption: 'برداشت برنج' };

for (const engine of await enginesUnderTest()) {
  describe(`newsroom media library on ${engine.name}`, { skip: engine.skip }, () => {
    let t: TestApp;
    let editor: SignedIn;
    before(async () => {
      t = await buildTestApp(engine);
      editor = await signedInUser(t.app, t.services, 'editor');
    });
    after(() => t?.close());

    function upload(
      who: SignedIn,
      fields: Record<string, string>,
      file?: UploadFile,
      headers: Record<string, string> = {},
    ) {
      const body = multipartBody(fields, file);
      return t.app.inject({
        method: 'POST',
        url: '/newsroom/media',
        headers: { ...body.headers, cookie: who.cookie, ...headers },
        payload: body.payload,
      });
    }

    const jpeg = async (filename = 'photo.jpg'): Promise<UploadFile> => ({
      filename,
      type: 'image/jpeg',
      data: await photo(),
    });

    it('stores an upload as AVIF, WebP and JPEG at each width with its crops, and lists it with its alt and credit', async () => {
      const beforeFiles = await filesUnder(t.services.media.mediaDir);
      const res = await upload(editor, { _csrf: editor.csrf, ...details }, await jpeg());
      assert.equal(res.statusCode, 303, res.body);
      assert.equal(res.headers.location, '/newsroom/media?done=uploaded');
      const added = (await filesUnder(t.services.media.mediaDir)).filter((f) => !beforeFiles.includes(f));
      const suffixes = added.map((f) => f.replace(/^.*-/, '')).sort();
      assert.deepEqual(suffixes, [
        '1200.avif',
        '1200.jpg',
        '1200.webp',
        '16x9.jpg',
        '1x1.jpg',
        '480.avif',
        '480.jpg',
        '480.webp',
        '4x3.jpg',
        '960.avif',
        '960.jpg',
        '960.webp',
        'og.jpg',
      ]);
      const page = await t.app.inject({
        url: '/newsroom/media?done=uploaded',
        headers: { cookie: editor.cookie },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /عکس بارگذاری شد/);
      assert.match(page.body, /شالیزار آمل پیش از برداشت/);
      assert.match(page.body, /عکس: مریم کاظمی/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
    });

    // A JPEG followed by a page of HTML opens as either. Phones append data after a JPEG's end too
    // (motion photos), so such files are not refused: only re-encoded pixels are ever stored.
    it('stores a JPEG/HTML polyglot only as re-encoded pictures, none carrying the script', async () => {
      const beforeFiles = await filesUnder(t.services.media.mediaDir);
      const payload = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');
      const polyglot = {
        filename: 'both.jpg',
        type: 'image/jpeg',
        data: Buffer.concat([await photo(), payload]),
      };
      const res = await upload(editor, { _csrf: editor.csrf, ...details }, polyglot);
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const added = (await filesUnder(t.services.media.mediaDir)).filter((f) => !beforeFiles.includes(f));
      assert.ok(added.length > 0);
      for (const file of added) {
        const bytes = await readFile(path.join(t.services.media.mediaDir, file));
        assert.equal(bytes.includes('<script'), false, file);
      }
    });

    it('answers the picker with 201 and the item as JSON', async () => {
      const res = await upload(editor, { _csrf: editor.csrf, ...details }, await jpeg(), {
        accept: 'application/json',
      });
      assert.equal(res.statusCode, 201, res.body);
      const { item } = res.json();
      assert.deepEqual(Object.keys(item).sort(), [
        'alt',
        'caption',
        'credit',
        'height',
        'id',
        'thumbUrl',
        'url',
        'width',
      ]);
      assert.match(item.url, /^\/media\/\d{4}\/\d\d\/[0-9a-f]+-960\.jpg$/);
      assert.match(item.thumbUrl, /-480\.webp$/);
      assert.equal(item.width, 1200);
      assert.equal(item.credit, details.credit);
      const image = await t.app.inject(item.url);
      assert.equal(image.statusCode, 200);
    });

    const refusals: {
      name: string;
      fields: typeof details;
      file: () => Promise<UploadFile>;
      status: number;
      message: RegExp;
    }[] = [
      {
        name: 'no alt text',
        fields: { ...details, alt: ' ' },
        file: jpeg,
        status: 400,
        message: /متن جایگزین/,
      },
      { name: 'no credit', fields: { ...details, credit: '' }, file: jpeg, status: 400, message: /اعتبار/ },
      {
        name: 'an HTML page named .jpg',
        fields: details,
        file: async () => ({
          filename: 'photo.jpg',
          type: 'image/jpeg',
          data: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
        }),
        status: 400,
        message: /این فایل تصویر نیست/,
      },
      {
        name: 'an SVG',
        fields: details,
        file: async () => ({
          filename: 'logo.svg',
          type: 'image/svg+xml',
          data: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(1)</script></svg>',
          ),
        }),
        status: 400,
        message: /SVG پذیرفته نمی‌شود/,
      },
      {
        name: 'a truncated JPEG',
        fields: details,
        file: async () => {
          const whole = await photo();
          return { filename: 'cut.jpg', type: 'image/jpeg', data: whole.subarray(0, whole.length / 2) };
        },
        status: 400,
        message: /ناقص یا خراب/,
      },
      {
        name: 'a 20000×20000 PNG decompression bomb',
        fields: details,
        file: async () => ({ filename: 'bomb.png', type: 'image/png', data: pngBomb() }),
        status: 400,
        message: /مگاپیکسل/,
      },
      {
        name: 'a file over 15 MB',
        fields: details,
        file: async () => ({
          filename: 'huge.jpg',
          type: 'image/jpeg',
          data: Buffer.alloc(16 * 1024 * 1024, 1),
        }),
        status: 413,
        message: /بزرگ‌تر از ۱۵ مگابایت/,
      },
    ];

    for (const refusal of refusals) {
      it(`refuses ${refusal.name} in Persian, keeps what was typed and writes no file`, async () => {
        const beforeFiles = await filesUnder(t.services.media.mediaDir);
        const res = await upload(editor, { _csrf: editor.csrf, ...refusal.fields }, await refusal.file());
        assert.equal(res.statusCode, refusal.status, res.body.slice(0, 300));
        assert.match(res.body, refusal.message);
        assert.match(res.body, /<form method="post" action="\/newsroom\/media"/);
        if (refusal.fields.alt.trim()) assert.ok(res.body.includes(refusal.fields.alt), 'alt kept');
        assert.deepEqual(await filesUnder(t.services.media.mediaDir), beforeFiles);

        const json = await upload(editor, { _csrf: editor.csrf, ...refusal.fields }, await refusal.file(), {
          accept: 'application/json',
        });
        assert.equal(json.statusCode, refusal.status);
        assert.match(json.json().error.message, refusal.message);
        assert.equal(typeof json.json().error.code, 'string');
      });
    }

    it('refuses an upload without a file', async () => {
      const res = await upload(editor, { _csrf: editor.csrf, ...details });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /فایل عکسی انتخاب نشده/);
    });

    it('refuses a moderator with 403, on the page and in JSON', async () => {
      const moderator = await signedInUser(t.app, t.services, 'moderator');
      const beforeFiles = await filesUnder(t.services.media.mediaDir);
      const res = await upload(moderator, { _csrf: moderator.csrf, ...details }, await jpeg());
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /کتابخانهٔ رسانه/);
      const json = await upload(moderator, { _csrf: moderator.csrf, ...details }, await jpeg(), {
        accept: 'application/json',
      });
      assert.equal(json.statusCode, 403);
      assert.equal(json.json().error.code, 'forbidden');
      const page = await t.app.inject({ url: '/newsroom/media', headers: { cookie: moderator.cookie } });
      assert.equal(page.statusCode, 403);
      assert.deepEqual(await filesUnder(t.services.media.mediaDir), beforeFiles);
    });

    it('refuses an upload without the form token and stores nothing', async () => {
      const beforeFiles = await filesUnder(t.services.media.mediaDir);
      const res = await upload(editor, details, await jpeg());
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /فرم منقضی شده/);
      const viaHeader = await upload(editor, details, await jpeg(), {
        'x-csrf-token': editor.csrf,
        accept: 'application/json',
      });
      assert.equal(viaHeader.statusCode, 201);
      const stored = await filesUnder(t.services.media.mediaDir);
      assert.equal(stored.length, beforeFiles.length + 9 + 4, 'nine variants and four crops');
    });

    it('serves the picker JSON newest first, searchable and paged by cursor', async () => {
      const writer = await signedInUser(t.app, t.services, 'writer');
      const png = await photo(600, 400, 'png');
      for (const credit of ['Reuters', 'ایسنا', 'Reuters']) {
        await t.services.media.storeImage(png, { alt: `پل طبیعت ${credit}`, credit });
      }
      const get = (query: string) =>
        t.app.inject({ url: `/newsroom/media.json${query}`, headers: { cookie: writer.cookie } });
      const found = (await get('?q=reuters')).json();
      assert.equal(found.items.length, 2);
      assert.ok(found.items.every((i: { credit: string }) => i.credit === 'Reuters'));
      assert.ok(found.items[0].id > found.items[1].id);
      assert.equal(found.nextCursor, null);
      assert.match(found.items[0].url, /-600\.jpg$/, 'a narrow image offers its largest variant');

      const all = (await get('')).json();
      assert.ok(all.items.length >= 5);
      const total = all.items.length;
      const seen: number[] = [];
      let cursor: string | null = '';
      let pages = 0;
      const pageSize = 2;
      do {
        const page = await t.services.media.search(
          { userId: writer.userId, name: 'w', role: 'writer' },
          { cursor: cursor ?? undefined, limit: pageSize },
        );
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor === null ? null : String(page.nextCursor);
        pages += 1;
      } while (cursor !== null && pages < 50);
      assert.equal(seen.length, total);
      assert.equal(new Set(seen).size, total);

      const second = (await get(`?cursor=${all.items[1].id}`)).json();
      assert.equal(second.items[0].id, all.items[2].id);
      const nothing = (await get(`?q=${encodeURIComponent('هیچ‌چیز')}`)).json();
      assert.deepEqual(nothing, { items: [], nextCursor: null });
    });

    it('edits an image’s details, keeps the typed values on a refusal, and shows the variants', async () => {
      const image = await t.services.media.storeImage(await photo(800, 500), { alt: 'قدیمی', credit: 'الف' });
      const page = await t.app.inject({
        url: `/newsroom/media/${image.id}`,
        headers: { cookie: editor.cookie },
      });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /type="image\/avif"/);
      assert.match(page.body, /800\.avif/);
      const bad = await t.app.inject({
        method: 'POST',
        url: `/newsroom/media/${image.id}`,
        headers: { cookie: editor.cookie },
        payload: { _csrf: editor.csrf, alt: 'تازه', credit: '', caption: '' },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /نام عکاس یا منبع/);
      assert.match(bad.body, />تازه<\/textarea>/);
      const ok = await t.app.inject({
        method: 'POST',
        url: `/newsroom/media/${image.id}`,
        headers: { cookie: editor.cookie },
        payload: { _csrf: editor.csrf, alt: 'تازه', credit: 'ب', caption: 'شرح' },
      });
      assert.equal(ok.statusCode, 303);
      const [stored] = await t.services.media.requireImages([image.id]);
      assert.deepEqual([stored?.alt, stored?.credit, stored?.caption], ['تازه', 'ب', 'شرح']);
      const missing = await t.app.inject({
        url: '/newsroom/media/999999',
        headers: { cookie: editor.cookie },
      });
      assert.equal(missing.statusCode, 404);
    });
  });
}
