import { cp, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../config/config.js';

/** What a backup folder holds; restore reads the database file's name from here. */
const databaseName = 'khabar.db';
const manifestName = 'khabar-backup.json';

export class BackupError extends Error {}

function sqliteFile(config: Config): string {
  if (config.database.engine !== 'sqlite') {
    throw new BackupError(
      'backup and restore copy an SQLite site; for PostgreSQL use pg_dump and pg_restore, and copy KHABAR_DATA_DIR/media beside them',
    );
  }
  return config.database.file;
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Copies a live site into `out`: the database through SQLite's online backup,
 * which reads a consistent snapshot while the server keeps writing, then the
 * media folder. The order matters: an image's files are written before its row,
 * so every image the snapshot knows is already on disk when the folder is copied.
 */
export async function backupSite(
  config: Config,
  out: string,
): Promise<{ bytes: number; mediaFiles: number }> {
  const source = sqliteFile(config);
  if (!(await isEmptyOrMissing(out))) throw new BackupError(`${out} is not empty; give a new folder`);
  await mkdir(out, { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step, under one read transaction: copied a few pages at a time, SQLite restarts
    // the copy whenever the server writes, and a busy site would never finish.
    await db.backup(path.join(out, databaseName), {
      progress: ({ totalPages }) => Math.max(totalPages, 1) * 2,
    });
  } finally {
    db.close();
  }
  const mediaDir = path.join(config.dataDir, 'media');
  const media = await readdir(mediaDir, { recursive: true, withFileTypes: true }).catch(() => []);
  // A site that never stored an image has no media folder yet.
  await mkdir(mediaDir, { recursive: true });
  await cp(mediaDir, path.join(out, 'media'), { recursive: true, force: false, errorOnExist: false });
  const { size } = await stat(path.join(out, databaseName));
  const mediaFiles = media.filter((entry) => entry.isFile()).length;
  await writeFile(
    path.join(out, manifestName),
    `${JSON.stringify({ format: 1, createdAt: new Date().toISOString(), database: databaseName, mediaFiles }, null, 2)}\n`,
  );
  return { bytes: size, mediaFiles };
}

/**
 * Puts a backup in place of the site's database and media. The server must be
 * stopped; the old files are moved aside first and only removed once the new
 * ones are in, so a failed restore leaves the site as it was.
 */
export async function restoreSite(config: Config, from: string): Promise<void> {
  const target = sqliteFile(config);
  const copy = path.join(from, databaseName);
  const check = new Database(copy, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${copy} is damaged: ${String(result)}`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${from} is not a Khabar backup: ${(error as Error).message}`);
  } finally {
    check.close();
  }
  const mediaDir = path.join(config.dataDir, 'media');
  const aside = path.join(config.dataDir, `.before-restore-${Date.now()}`);
  await mkdir(aside, { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  for (const file of [target, `${target}-wal`, `${target}-shm`, mediaDir]) {
    await rename(file, path.join(aside, path.basename(file))).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await cp(copy, target);
  await cp(path.join(from, 'media'), mediaDir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rm(aside, { recursive: true, force: true });
}
