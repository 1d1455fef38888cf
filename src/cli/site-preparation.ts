import { createServices } from '../app.js';
import type { Config } from '../config/config.js';
import { createDemoAdmin, isUntouchedSite, seedDemoContent } from '../features/demo/demo-seeder.js';
import { plannedSearchUpgrade, runSearchUpgrade } from '../features/search/search-upgrade.js';
import { openMigratedDatabase } from './prepare.js';

/**
 * What the site needs before it serves: the schema up to date, the default sections and the
 * demo on a new site; then the search index after an upgrade that emptied it. `serve` runs
 * this as `khabar prepare` in a process of its own, so what seeding holds (pictures made with
 * sharp, the demo's articles) leaves with that process instead of staying in the server, and
 * starts serving at `siteReady`: the index is rebuilt beside the running site, as `khabar
 * reindex` is (70–90 s at 100,000 articles, which the site would otherwise be down for).
 */
export async function prepareSite(
  config: Config,
  log: (line: string) => void,
  siteReady: () => void = () => {},
): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    const services = createServices({ config, db: database.db }, (error, what) => console.error(what, error));
    await services.sections.ensureDefaults();
    // Planned before the demo is seeded: the demo's articles are indexed as they are written.
    const searchUpgrade = await plannedSearchUpgrade(services.db, database.applied);
    if (config.demo && (await isUntouchedSite(services.db))) {
      log('demo content: seeding a new site (first start only, a few seconds)');
      log(`demo content: ${await seedDemoContent(services)} articles`);
      const admin = await createDemoAdmin(services.users);
      log(
        `newsroom: sign in at ${config.siteUrl}/newsroom as ${admin.email} with password ${admin.password} (shown only now; change it under «حساب من»)`,
      );
    }
    siteReady();
    if (searchUpgrade) {
      log(`search: indexing the existing articles after the upgrade (${searchUpgrade})`);
      log(
        `search: ${await runSearchUpgrade(services.search, searchUpgrade)} existing articles indexed after the upgrade`,
      );
    }
  } finally {
    await database.destroy();
  }
}
