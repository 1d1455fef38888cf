import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import pg from 'pg';
import { postgresForTests } from './postgres.js';
import { requires } from './requirements.js';
import { createScratchDatabase, withDatabase } from './scratch-database.js';

/** The test server's URL, or undefined after marking the test skipped. */
async function serverUrl(t: TestContext): Promise<string | undefined> {
  const server = await postgresForTests();
  if ('skipReason' in server) {
    t.skip(server.skipReason);
    return undefined;
  }
  return server.url;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = await connect(url);
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// Persian words, including Persian-only letters (پ چ ژ گ), Persian ی/ک next to their Arabic
// look-alikes ي/ك, a zero-width non-joiner (U+200C, نیم‌فاصله) and Persian digits.
const WORDS = [
  'یک',
  'پنج',
  'الف',
  'بهار',
  'ژاله',
  'گل',
  'کتاب',
  'كتاب',
  'چای',
  'آب',
  'خبر',
  'ي',
  'می‌شود',
  '۱۴۰۳',
];

test('requires() reads KHABAR_TEST_REQUIRE as a comma-separated list', () => {
  const saved = process.env.KHABAR_TEST_REQUIRE;
  try {
    process.env.KHABAR_TEST_REQUIRE = ' Postgres , chromium';
    assert.equal(requires('postgres'), true);
    assert.equal(requires('chromium'), true);
    process.env.KHABAR_TEST_REQUIRE = 'chromium';
    assert.equal(requires('postgres'), false);
    delete process.env.KHABAR_TEST_REQUIRE;
    assert.equal(requires('chromium'), false);
  } finally {
    if (saved === undefined) delete process.env.KHABAR_TEST_REQUIRE;
    else process.env.KHABAR_TEST_REQUIRE = saved;
  }
});

test('withDatabase() swaps only the database name and keeps the socket host parameter', () => {
  assert.equal(
    withDatabase('postgresql:///postgres?host=%2Ftmp%2Fkhabar-pg-x&user=postgres', 'khabar_test_1_ab'),
    'postgresql:///khabar_test_1_ab?host=%2Ftmp%2Fkhabar-pg-x&user=postgres',
  );
  assert.equal(
    withDatabase('postgres://app:secret@db.internal:5433/khabar?sslmode=disable', 'khabar_test_1_ab'),
    'postgres://app:secret@db.internal:5433/khabar_test_1_ab?sslmode=disable',
  );
});

test('the test server accepts queries and speaks UTF-8', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const [row] = await query<{ one: number; encoding: string; client: string }>(
    url,
    "select 1 as one, current_setting('server_encoding') as encoding, current_setting('client_encoding') as client",
  );
  assert.deepEqual(row, { one: 1, encoding: 'UTF8', client: 'UTF8' });
});

test('Persian text is stored and returned unchanged, character for character', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const client = await connect(url);
  try {
    await client.query('create temporary table words (id serial primary key, word text not null)');
    for (const word of WORDS) await client.query('insert into words (word) values ($1)', [word]);
    const { rows } = await client.query<{ word: string; chars: number }>(
      'select word, length(word) as chars from words order by id',
    );
    assert.deepEqual(
      rows.map((r) => r.word),
      WORDS,
    );
    // length() counts characters, not bytes: the database encoding really is UTF-8.
    assert.deepEqual(
      rows.map((r) => r.chars),
      WORDS.map((w) => [...w].length),
    );
    const { rows: literal } = await client.query<{ word: string }>("select 'خبرهای فوری' as word");
    assert.equal(literal[0]?.word, 'خبرهای فوری');
  } finally {
    await client.end();
  }
});

test('upper() and lower() leave Persian letters unchanged and still fold Latin ones', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const [row] = await query<Record<string, string>>(
    url,
    "select upper('خبر') as upper_fa, lower('خبر فوری') as lower_fa, lower('KHABAR خبر École') as mixed, upper($1) as param",
    ['می‌شود'],
  );
  assert.deepEqual(row, { upper_fa: 'خبر', lower_fa: 'خبر فوری', mixed: 'khabar خبر école', param: 'می‌شود' });
});

test('ORDER BY on Persian text follows code point order, as JavaScript sort() does', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const client = await connect(url);
  try {
    await client.query('create temporary table words (word text not null)');
    // Insert in an order that is neither sorted nor reverse-sorted.
    for (const word of [...WORDS].reverse().sort((a, b) => a.length - b.length)) {
      await client.query('insert into words values ($1)', [word]);
    }
    const { rows } = await client.query<{ word: string }>('select word from words order by word');
    assert.deepEqual(
      rows.map((r) => r.word),
      [...WORDS].sort(),
    );
  } finally {
    await client.end();
  }
});

test('the ICU Persian collation sorts Persian letters alphabetically, where the server has ICU', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const [found] = await query(url, "select 1 from pg_collation where collname = 'fa-x-icu'");
  if (!found) {
    t.skip('this PostgreSQL has no "fa-x-icu" collation (built without ICU)');
    return;
  }
  const rows = await query<{ word: string }>(
    url,
    'select word from unnest($1::text[]) as word order by word collate "fa-x-icu"',
    [['گل', 'پنج', 'یک', 'چای', 'آب', 'ژاله', 'بهار', 'کتاب', 'خبر']],
  );
  // Persian alphabet: آ ب پ چ خ ژ ک گ ی (code point order would put پ چ ژ ک گ after خ).
  assert.deepEqual(
    rows.map((r) => r.word),
    ['آب', 'بهار', 'پنج', 'چای', 'خبر', 'ژاله', 'کتاب', 'گل', 'یک'],
  );
});

test('regular expressions and full-text search treat Persian letters as word characters', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const [row] = await query<{ words: string[]; boundary: boolean; tokens: string[] }>(
    url,
    String.raw`select regexp_split_to_array('خبرهای فوری، امروز', '\W+') as words,
                      'خبر فوری' ~ '\mفوری\M' as boundary,
                      tsvector_to_array(to_tsvector('simple', 'خبرهای فوری امروز: ۳ کشته')) as tokens`,
  );
  // Under the plain C locale \w matches ASCII only: the split gives ['', ''] and \m…\M never matches.
  assert.deepEqual(row?.words, ['خبرهای', 'فوری', 'امروز']);
  assert.equal(row?.boundary, true);
  assert.deepEqual(row?.tokens.sort(), ['امروز', 'خبرهای', 'فوری', 'کشته', '۳'].sort());
});

test('scratch databases are isolated from each other and from the server database', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const a = await createScratchDatabase(url);
  t.after(() => a.drop());
  const b = await createScratchDatabase(url);
  t.after(() => b.drop());

  assert.notEqual(a.name, b.name);
  assert.match(a.name, new RegExp(`^khabar_test_${process.pid}_[0-9a-f]+$`));

  await query(a.url, 'create table articles (title text not null)');
  await query(a.url, 'insert into articles values ($1)', ['سلام دنیا']);

  assert.deepEqual(await query(a.url, 'select current_database() as db, title from articles'), [
    { db: a.name, title: 'سلام دنیا' },
  ]);
  assert.deepEqual(await query(b.url, "select current_database() as db, to_regclass('articles') as rel"), [
    { db: b.name, rel: null },
  ]);
  assert.deepEqual(await query(url, "select to_regclass('articles') as rel"), [{ rel: null }]);

  // Scratch databases are UTF-8 and split Persian words like the server does.
  assert.deepEqual(
    await query(
      b.url,
      String.raw`select pg_encoding_to_char(encoding) as encoding, regexp_split_to_array('خبر، فوری', '\W+') as words
                   from pg_database where datname = current_database()`,
    ),
    [{ encoding: 'UTF8', words: ['خبر', 'فوری'] }],
  );
});

test('drop() removes a scratch database even while a client is still connected to it', async (t) => {
  const url = await serverUrl(t);
  if (!url) return;
  const scratch = await createScratchDatabase(url);
  t.after(() => scratch.drop());

  const lingering = await connect(scratch.url);
  const lingeringError = new Promise<Error>((resolve) => lingering.on('error', resolve));
  await lingering.query('select 1');

  await scratch.drop();
  assert.deepEqual(
    await query(url, 'select datname from pg_database where datname = $1', [scratch.name]),
    [],
  );

  // The server terminated the lingering session; its next query fails.
  await assert.rejects(lingering.query('select 1'));
  await Promise.race([lingeringError, new Promise((resolve) => setTimeout(resolve, 100))]);
  await lingering.end().catch(() => undefined);

  await scratch.drop(); // a second drop is harmless
});
