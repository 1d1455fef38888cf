/**
 * Remembers computed values by key and forgets them all once `max` are kept: for values cheap
 * to compute again that are asked for again and again (the same publication minute, page after page).
 */
export function boundedMemo<V>(max: number): (key: string, make: () => V) => V {
  const kept = new Map<string, V>();
  return (key, make) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make();
      if (kept.size >= max) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
