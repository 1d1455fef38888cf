import { accessSync, constants, statSync } from 'node:fs';

export type Requirement = 'postgres' | 'chromium';

/** Whether `KHABAR_TEST_REQUIRE` (comma list, e.g. `postgres,chromium`) lists `what`. */
export function requires(what: Requirement): boolean {
  return (process.env.KHABAR_TEST_REQUIRE ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .includes(what);
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Chromium executable: `KHABAR_CHROMIUM`, else /usr/bin/chromium or /usr/bin/chromium-browser if present. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.KHABAR_CHROMIUM?.trim();
  if (fromEnv) return fromEnv;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(isExecutable);
}
