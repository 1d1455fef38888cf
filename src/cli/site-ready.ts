/**
 * What `khabar prepare` sends `serve` (over the fork's channel) once the site can be served:
 * the search index an upgrade emptied is then rebuilt while the site answers.
 */
export const siteReadyMessage = 'khabar:site-ready';

export function isSiteReady(message: unknown): boolean {
  return message === siteReadyMessage;
}
