/** Form fields as name/value pairs in document order; names may repeat (checkbox groups). */
export type Fields = [string, string][];

export interface DraftBackup {
  savedAt: string;
  /** The `revision` the form carried when this backup was taken. */
  baseRevision: string;
  fields: Fields;
}

type BackupStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// The token and the revision belong to the page that loaded, not to the writer's text; the submit
// button's `action` is never part of a backup.
const NOT_BACKED_UP = new Set(['_csrf', 'revision', 'action']);

/** The text fields of a form worth keeping, from `new FormData(form)`; files are left out. */
export function backupFields(entries: Iterable<[string, FormDataEntryValue]>): Fields {
  const fields: Fields = [];
  for (const [name, value] of entries) {
    if (typeof value === 'string' && !NOT_BACKED_UP.has(name)) fields.push([name, value]);
  }
  return fields;
}

export function sameFields(a: Fields, b: Fields): boolean {
  return a.length === b.length && a.every(([name, value], i) => b[i]?.[0] === name && b[i]?.[1] === value);
}

/**
 * Whether to offer a backup back to the writer: only if it differs from what the page shows and was
 * taken on top of this very revision or after it was saved. An older backup means the server already
 * has a newer save (the submit went through), so it is stale.
 */
export function shouldOfferRestore(backup: DraftBackup, current: Fields, revision: string): boolean {
  if (sameFields(backup.fields, current)) return false;
  if (revision === '' || backup.baseRevision === revision) return true;
  const savedAt = Date.parse(backup.savedAt);
  const revisionAt = Date.parse(revision);
  return Number.isNaN(revisionAt) || savedAt > revisionAt;
}

function isBackup(value: unknown): value is DraftBackup {
  const candidate = value as DraftBackup | null;
  return (
    typeof candidate?.savedAt === 'string' &&
    typeof candidate.baseRevision === 'string' &&
    Array.isArray(candidate.fields) &&
    candidate.fields.every((pair) => Array.isArray(pair) && pair.length === 2)
  );
}

/**
 * Keeps one backup per article in the browser's storage under `khabar:<draft key>`. Storage can be
 * full or disabled (private windows); the backup is a comfort, so failures are reported to the console
 * and the editor carries on.
 */
export class DraftStore {
  constructor(private readonly storage: BackupStorage | null) {}

  static key(draftKey: string): string {
    return `khabar:${draftKey}`;
  }

  read(draftKey: string): DraftBackup | null {
    try {
      const raw = this.storage?.getItem(DraftStore.key(draftKey));
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      return isBackup(parsed) ? parsed : null;
    } catch (error) {
      console.warn('khabar: could not read the draft backup', error);
      return null;
    }
  }

  write(draftKey: string, backup: DraftBackup): void {
    try {
      this.storage?.setItem(DraftStore.key(draftKey), JSON.stringify(backup));
    } catch (error) {
      console.warn('khabar: could not keep a draft backup', error);
    }
  }

  remove(draftKey: string): void {
    try {
      this.storage?.removeItem(DraftStore.key(draftKey));
    } catch (error) {
      console.warn('khabar: could not remove the draft backup', error);
    }
  }
}
