import { escapeHtml } from '../../platform/html-entities.js';

// Telegram counts a caption's length after its HTML is parsed: 1,024 characters for a photo's
// caption, 4,096 for a text message. The lead gives way when the whole does not fit; the headline
// and the link never do.
export const captionLimits = { photo: 1024, text: 4096 } as const;

/** The post: the headline in bold, the lead, and the short link, in Telegram's HTML. */
export function postCaption(post: { title: string; lead: string; shortUrl: string }, limit: number): string {
  const fixed = post.title.length + post.shortUrl.length + 4;
  const room = limit - fixed;
  let lead = post.lead.trim();
  if (lead.length > room) lead = room > 1 ? `${lead.slice(0, room - 1).trimEnd()}…` : '';
  const parts = [
    `<b>${escapeHtml(post.title)}</b>`,
    ...(lead ? [escapeHtml(lead)] : []),
    escapeHtml(post.shortUrl),
  ];
  return parts.join('\n\n');
}
