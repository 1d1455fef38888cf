import { parseArgs } from 'node:util';
import type { Services } from './app.js';
import { openMigratedDatabase } from './cli/prepare.js';
import { PreparationFailedError } from './cli/serve-errors.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { DatabaseUnavailableError } from './platform/db/database.js';
import { AppError } from './platform/errors.js';

// Each command loads its own modules when it runs: `serve` never holds the WordPress
// importer's XML parser, the backup code or the demo's articles, and the others
// do not load what only serving needs.

const usage = `usage: khabar <command>

  serve [--workers N]            migrate, seed the demo on an empty site, serve HTTP (default);
                                 --workers N: N processes share the port (see README «Running at scale»)
  prepare                        what serve does, then exit: migrate, default sections, the demo on an
                                 empty site, then the search index after an upgrade (serve answers meanwhile)
  migrate                        apply pending database migrations
  migrate-data --to postgres://… copy this SQLite site into an empty PostgreSQL database
  demo                           add the demo content to an empty site
  reindex                        rebuild the search index from every article (progress on stderr)
  store-pages                    store the parts first visits to article pages are put together from,
                                 for every article whose parts are missing or outdated (serve does this
                                 in the background; run it before sending traffic to a new site)
  import wordpress EXPORT.xml [--media-dir DIR] [--dry-run] [--map-category WP=SECTION]... [--report FILE]
                                 import a WordPress export (WXR); old links answer 301 (see README)
  user add --email E --name N --role admin|editor|writer|moderator --password P
  token create --email E [--label L]    print a new API token (Bearer) for that user
  backup OUT                     copy the SQLite database (online, while serving) and the media into the new folder OUT
  restore IN                     replace the database and media with the backup in IN (stop the server first)

Environment: PORT, HOST, KHABAR_DATA_DIR, DATABASE_URL, KHABAR_DEMO, KHABAR_SITE_URL, ... (see README)`;

async function withServices<T>(config: Config, work: (services: Services) => Promise<T>) {
  const { createServices } = await import('./app.js');
  const database = await openMigratedDatabase(config);
  try {
    const services = createServices({ config, db: database.db }, (error, what) => console.error(what, error));
    await services.sections.ensureDefaults();
    return await work(services);
  } finally {
    await database.destroy();
  }
}

function option(values: Record<string, string | string[] | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || !value) throw new UsageError(`--${name} is required`);
  return value;
}

class UsageError extends Error {}

/** A command's own failure whose message is written for the person at the terminal: one line, no stack. */
class CommandError extends Error {}

type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `work`, turning its failures of the given kinds into a CommandError with the same message. */
async function explained<T>(work: () => Promise<T>, ...kinds: ErrorClass[]): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (kinds.some((kind) => error instanceof kind)) {
      throw new CommandError((error as Error).message, { cause: error });
    }
    throw error;
  }
}

function workerCount(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 64)
    throw new UsageError(`--workers must be a whole number from 1 to 64 (got "${raw}")`);
  return count;
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      label: { type: 'string' },
      'media-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'map-category': { type: 'string', multiple: true },
      report: { type: 'string' },
      workers: { type: 'string' },
      to: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const config = loadConfig();
  const [command = 'serve', sub] = positionals;
  const at = `${command}${sub ? ` ${sub}` : ''}`;
  // The folder is the second word, so these two are told apart by the command alone.
  if (command === 'backup' || command === 'restore') {
    const folder = sub;
    if (!folder) throw new UsageError(`${command} needs a folder: khabar ${command} FOLDER`);
    const { BackupError, backupSite, restoreSite } = await import('./cli/backup.js');
    return explained(async () => {
      if (command === 'restore') {
        await restoreSite(config, folder);
        console.log(`restored from ${folder}`);
        return;
      }
      const { bytes, mediaFiles } = await backupSite(config, folder);
      console.log(`backup in ${folder}: database ${bytes} bytes, ${mediaFiles} media files`);
    }, BackupError);
  }
  switch (at) {
    case 'serve': {
      const workers = workerCount(values.workers);
      const { PortInUseError, serve } = await import('./cli/serve.js');
      return explained(() => serve(config, { workers }), PortInUseError);
    }
    case 'prepare': {
      const { prepareSite } = await import('./cli/site-preparation.js');
      const { siteReadyMessage } = await import('./cli/site-ready.js');
      // Forked by `serve`, which starts serving at this message; run by hand, there is no one to tell.
      return prepareSite(
        config,
        (line) => console.log(line),
        () => process.send?.(siteReadyMessage),
      );
    }
    case 'migrate': {
      const database = await openMigratedDatabase(config);
      await database.destroy();
      console.log(
        database.applied.length ? `applied: ${database.applied.join(', ')}` : 'database is up to date',
      );
      return;
    }
    case 'migrate-data': {
      const to = option(values, 'to');
      const [{ MigrateDataError }, { runMigrateData }] = await Promise.all([
        import('./features/migrate-data/migrate-data.js'),
        import('./features/migrate-data/migrate-data-command.js'),
      ]);
      await explained(() => runMigrateData(config, to, (line) => console.log(line)), MigrateDataError);
      return;
    }
    case 'demo':
      return withServices(config, async (services) => {
        const { createDemoAdmin, seedDemoContent } = await import('./features/demo/demo-seeder.js');
        const seeded = await seedDemoContent(services);
        if (!seeded) {
          console.log('the site already has users or articles; demo not added');
          return;
        }
        const admin = await createDemoAdmin(services.users);
        console.log(`demo content: ${seeded} articles`);
        console.log(`newsroom: sign in as ${admin.email} with password ${admin.password} (shown only now)`);
      });
    case 'reindex':
      return withServices(config, async ({ search }) => {
        const { reindexProgressBar } = await import('./features/search/reindex-progress.js');
        const { done } = await search.reindex(reindexProgressBar(process.stderr));
        console.log(`search index rebuilt: ${done} articles`);
      });
    case 'store-pages':
      return withServices(config, async ({ storedPages, siteContext }) => {
        const { reindexProgressBar } = await import('./features/search/reindex-progress.js');
        const { stored, total } = await storedPages.storeOutdated(
          await siteContext(),
          reindexProgressBar(process.stderr),
        );
        console.log(`article pages stored: ${stored} of ${total} outdated`);
      });
    case 'import wordpress': {
      const file = positionals[2];
      if (!file)
        throw new UsageError('import wordpress needs the export file: khabar import wordpress EXPORT.xml');
      const [{ runImportCommand }, { ImportError }] = await Promise.all([
        import('./features/import/import-command.js'),
        import('./features/import/wordpress-import-service.js'),
      ]);
      return withServices(config, async (services) => {
        const report = await explained(
          () =>
            runImportCommand(services, config.dataDir, {
              file,
              mediaDir: values['media-dir'],
              dryRun: values['dry-run'] ?? false,
              mapCategory: values['map-category'] ?? [],
              reportFile: values.report,
            }),
          ImportError,
        );
        if (report.interrupted) process.exitCode = 130;
      });
    }
    case 'user add':
      return withServices(config, async ({ users }) => {
        const user = await users.createUser({
          email: option(values, 'email'),
          name: option(values, 'name'),
          role: option(values, 'role'),
          password: option(values, 'password'),
        });
        console.log(`user ${user.email} (${user.role}) created`);
      });
    case 'token create':
      return withServices(config, async ({ users }) => {
        const { token } = await users.createApiToken(option(values, 'email'), values.label ?? 'cli');
        console.log(token);
      });
    default:
      throw new UsageError(`unknown command "${at}"`);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  // The preparing process `serve` started has already said why on stderr.
  if (error instanceof PreparationFailedError) {
    if (!error.reported) console.error(`khabar: ${error.message}`);
  } else if (error instanceof ConfigError) console.error(`khabar: configuration: ${error.message}`);
  else if (error instanceof UsageError) console.error(`khabar: ${error.message}\n\n${usage}`);
  else if (
    error instanceof DatabaseUnavailableError ||
    error instanceof CommandError ||
    error instanceof AppError
  )
    console.error(`khabar: ${error.message}`);
  else if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`khabar: ${error.message}\n\n${usage}`);
  } else console.error('khabar: failed:', error);
  process.exit(1);
});
