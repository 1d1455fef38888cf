export interface ImportMappingsTable {
  /** The WordPress site the record came from: its host, e.g. "example.ir". */
  source: string;
  kind: string;
  /** The WordPress id (post, term, comment, attachment) or login (user). */
  sourceId: string;
  /** The Khabar id it became; null for an attachment kept only by its original address. */
  targetId: number | null;
  /** Attachments: the file's path under wp-content/uploads ("2024/01/tehran.jpg"); authors: their byline slug. */
  lookupKey: string | null;
  createdAt: string;
}
