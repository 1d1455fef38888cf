import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchDatabase } from '../../../test/support/scratch-database.js';
import { enginesUnderTest } from '../../../test/support/test-app.js';
import { fixtureFile, fixtureUploads } from './import-test-support.js';

const bin = fileURLToPath(new URL('../../../bin/khabar.js', import.meta.url));
const run = promisify(execFile);

for (const engine of await enginesUnderTest()) {
  describe(`khabar import wordpress on ${engine.name}`, { skip: engine.skip }, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'khabar-import-cli-'));
    let uploads: string;
    let drop: (() => Promise<void>) | undefined;
    let env: Record<string, string>;
    const khabar = (args: string[]) =>
      run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });

    before(async () => {
      uploads = await fixtureUploads();
      env = { KHABAR_DATA_DIR: dataDir, KHABAR_DEMO: 'off', LOG_LEVEL: 'silent' };
      if (engine.postgresUrl) {
        const scratch = await createScratchDatabase(engine.postgresUrl);
        env.DATABASE_URL = scratch.url;
        drop = scratch.drop;
      }
    });
    after(async () => {
      await drop?.();
      rmSync(dataDir, { recursive: true, force: true });
      if (uploads) rmSync(uploads, { recursive: true, force: true });
    });

    it('a dry run prints what it would import and its report path, and changes nothing', async () => {
      const report = path.join(dataDir, 'dry.json');
      const { stdout } = await khabar(['import', 'wordpress', fixtureFile, '--dry-run', '--report', report]);
      assert.match(stdout, /^dry run \(nothing written\) of https:\/\/khabar-wp\.example\.ir/);
      assert.match(stdout, /posts +would import 8, already imported 0, skipped 1/);
      assert.match(stdout, new RegExp(`report: ${report}`));
      assert.equal(JSON.parse(readFileSync(report, 'utf8')).dryRun, true);
    });

    it('imports with a progress bar on stderr, prints the report and writes it as JSON', async () => {
      const { stdout, stderr } = await khabar(['import', 'wordpress', fixtureFile, '--media-dir', uploads]);
      assert.match(stderr, /^media +\[[#.]{30}\] \d+% of 0\.0 MB, \d+ items, \d+\/s$/m);
      assert.match(stderr, /^posts +\[#{30}\] 100% of 0\.0 MB, 14 items, \d+\/s$/m);
      assert.match(stdout, /posts +imported 8, already imported 0, skipped 1/, 'the dry run wrote nothing');
      assert.match(stdout, /comments +imported 3, already imported 0, skipped 3/);
      assert.match(stdout, /skipped:\n(.|\n)*1 × pages: pages are not imported/);
      assert.match(stdout, /warnings:\n(.|\n)*1 × broken HTML fixed/);
      const reportPath = /report: (.+\.json)$/m.exec(stdout)?.[1] ?? '';
      assert.ok(reportPath.startsWith(path.join(dataDir, 'imports', 'wordpress-')));
      const report = JSON.parse(readFileSync(reportPath, 'utf8'));
      assert.equal(report.counts.posts.imported, 8);
      assert.ok(report.warnings.some((w: { reason: string }) => w.reason.startsWith('duplicate slug')));
    });

    it('a second run imports nothing again', async () => {
      const { stdout } = await khabar(['import', 'wordpress', fixtureFile, '--media-dir', uploads]);
      assert.match(stdout, /posts +imported 0, already imported 8, skipped 1/);
      assert.match(stdout, /comments +imported 0, already imported 3/);
    });

    it('refuses a malformed export with the line, a missing file and a wrong section map in one clear line', async () => {
      const broken = path.join(dataDir, 'broken.xml');
      writeFileSync(broken, readFileSync(fixtureFile, 'utf8').replace('</wp:post_id>', '</wp:postid>'));
      const refusal = async (args: string[], pattern: RegExp) =>
        assert.rejects(khabar(args), (error: { code: number; stderr: string }) => {
          assert.equal(error.code, 1);
          assert.match(error.stderr, pattern);
          assert.ok(!error.stderr.includes('    at '), 'no stack trace');
          return true;
        });
      await refusal(
        ['import', 'wordpress', broken],
        /khabar: .*broken\.xml is not a readable WordPress export: line \d+, column \d+/,
      );
      await refusal(
        ['import', 'wordpress', path.join(dataDir, 'nope.xml')],
        /khabar: there is no export file at/,
      );
      await refusal(
        ['import', 'wordpress', fixtureFile, '--map-category', 'iran=nowhere'],
        /sections that do not exist: nowhere/,
      );
      await refusal(['import', 'wordpress'], /import wordpress needs the export file/);
      assert.ok(existsSync(dataDir));
    });
  });
}
