// Tags are typed as one comma-separated field so the form works without JavaScript; writers use the
// Persian comma «،» or the Latin one.
const SEPARATOR = /[،,]/;

function lastSeparatorIndex(value: string): number {
  for (let i = value.length - 1; i >= 0; i -= 1) {
    if (SEPARATOR.test(value.charAt(i))) return i;
  }
  return -1;
}

/** The tag being typed: the trimmed text after the last comma. */
export function lastTag(value: string): string {
  return value.slice(lastSeparatorIndex(value) + 1).trim();
}

/** Every tag already finished, i.e. before the last comma, trimmed and without empties. */
export function finishedTags(value: string): string[] {
  return value
    .slice(0, Math.max(lastSeparatorIndex(value), 0))
    .split(SEPARATOR)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/**
 * Replaces the tag being typed with `name` and starts the next one, e.g. «مجلس، بو» + «بودجه» →
 * «مجلس، بودجه، ».
 */
export function replaceLastTag(value: string, name: string): string {
  const prefix = value.slice(0, lastSeparatorIndex(value) + 1).trimEnd();
  return `${prefix}${prefix === '' ? '' : ' '}${name}، `;
}
