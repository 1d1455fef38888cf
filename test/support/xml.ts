import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { isExecutable } from './requirements.js';

const schemaDir = fileURLToPath(new URL('../fixtures/sitemap-xsd/', import.meta.url));

export type SitemapSchema = 'sitemap' | 'siteindex' | 'sitemap-with-news';

/** Why schema checks cannot run here, or false. CI installs libxml2-utils. */
export const xmllintSkip: string | false = isExecutable('/usr/bin/xmllint')
  ? false
  : 'xmllint is not installed (apt-get install libxml2-utils)';

/** Validates an XML document against one of the sitemap schemas; resolves with xmllint's complaint, or '' when valid. */
export function schemaErrors(xml: string, schema: SitemapSchema): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'khabar-xml-'));
  const file = path.join(dir, 'document.xml');
  writeFileSync(file, xml);
  return new Promise((resolve) => {
    execFile(
      '/usr/bin/xmllint',
      ['--noout', '--nonet', '--schema', path.join(schemaDir, `${schema}.xsd`), file],
      (error, _stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        resolve(error ? stderr || error.message : '');
      },
    );
  });
}

/** A namespace-keeping parser (`news:news`, `content:encoded` stay as written) that always makes lists of repeatable elements. */
// biome-ignore lint/suspicious/noExplicitAny: a parsed document has no static shape; tests walk it as they expect it to be and assert on what they find.
export function parseXml(xml: string, lists: readonly string[] = []): Record<string, any> {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => lists.includes(name),
  });
  return parser.parse(xml, true);
}
