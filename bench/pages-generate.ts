// Prepares the page bench's site in a process of its own, so that the bench stays responsive to
// Ctrl-C: writing and indexing the corpus never yields to the event loop (SQLite answers at once),
// and a process that does not yield cannot run a signal handler.
//
//   node --import tsx bench/pages-generate.ts <dataDir> <articles> [<corpusFile>]
// prints the prepared site as one line of JSON on stdout; progress goes to stderr.
import { loadConfig } from '../src/config/config.js';
import { prepareSite } from './pages-corpus.js';

const [dataDir, count, corpusFile] = process.argv.slice(2);
if (!dataDir || !count) throw new Error('usage: pages-generate.ts <dataDir> <articles> [<corpusFile>]');
const config = loadConfig({ KHABAR_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
const site = await prepareSite(config, Number(count), corpusFile || undefined);
process.stdout.write(`${JSON.stringify(site)}\n`);
