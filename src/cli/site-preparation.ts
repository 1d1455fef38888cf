import { createServices } from '../app.js';
import type { Config } from '../config/config.js';
import { createDemoAdmin, isUntouchedSite, seedDemoContent } from '../features/demo/demo-seeder.js';
import { indexAfterSearchUpgrade } from '../features/search/search-upgrade.js';
import { openMigratedDatabase } from './prepare.js';

/**
 * What the site needs before it serves: the schema up to date, the default sections, the
 * search index after an upgrade that emptied it, and the demo on a new site. `serve` runs
 * this as `khabar prepare` in a process of its own, so what seeding holds (pictures made with
 * sharp, the demo's articles) leaves with that process instead of staying in the server.
 */
export async function prepareSite(config: Config, log: (line: string) => void): Promise<void> {
  const database = await openMigratedDatabase(config);
  try {
    const services = createServices({ config, db: database.db }, (error, what) => console.error(what, error));
    await services.sections.ensureDefaults();
    const indexed = await indexAfterSearchUpgrade(services.db, services.search, database.applied);
    if (indexed !== undefined) log(`search: ${indexed} existing articles indexed after the upgrade`);
    if (config.demo && (await isUntouchedSite(services.db))) {
      log('demo content: seeding a new site (first start only, a few seconds)');
      log(`demo content: ${await seedDemoContent(services)} articles`);
      const admin = await createDemoAdmin(services.users);
      log(
        `newsroom: sign in at ${config.siteUrl}/newsroom as ${admin.email} with password ${admin.password} (shown only now; change it under «حساب من»)`,
      );
    }
  } finally {
    await database.destroy();
  }
}
