export interface RedirectsTable {
  /** The old address, normalized by `oldPathKey`. */
  path: string;
  /** Where it now lives: a site path such as "/news/100234/…". */
  target: string;
  createdAt: string;
}
