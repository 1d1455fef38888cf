import { createReadStream, statSync } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { WxrAuthor, WxrCategory, WxrComment, WxrItem, WxrRecord, WxrSite, WxrTag } from './wxr.js';

/** A malformed or foreign file; the message says where and what to do. */
export class WxrFormatError extends Error {
  override name = 'WxrFormatError';
}

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

// XML 1.0 forbids these control characters, yet old WordPress databases hold them (pasted from
// word processors); a strict parser would stop at the first one, so they are dropped before parsing.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const forbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// The channel's children that are whole records; everything else in the channel is site metadata.
const recordElements = new Set(['item', 'wp:author', 'wp:category', 'wp:tag']);

function child(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text.trim() ?? '';
}

/** Like `child` but keeps surrounding white space, which is meaningful in post bodies. */
function rawChild(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text ?? '';
}

/** Reads a record whose fields are each the trimmed text of one child element. */
function fields<K extends string>(node: XmlNode, elements: Record<K, string>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(elements) as K[]) out[key] = child(node, elements[key]);
  return out;
}

function toAuthor(node: XmlNode): WxrAuthor {
  return fields(node, {
    id: 'wp:author_id',
    login: 'wp:author_login',
    email: 'wp:author_email',
    displayName: 'wp:author_display_name',
  });
}

function toCategory(node: XmlNode): WxrCategory {
  return fields(node, {
    termId: 'wp:term_id',
    slug: 'wp:category_nicename',
    parentSlug: 'wp:category_parent',
    name: 'wp:cat_name',
    description: 'wp:category_description',
  });
}

function toTag(node: XmlNode): WxrTag {
  return fields(node, { termId: 'wp:term_id', slug: 'wp:tag_slug', name: 'wp:tag_name' });
}

function toComment(node: XmlNode): WxrComment {
  return {
    ...fields(node, {
      id: 'wp:comment_id',
      author: 'wp:comment_author',
      authorEmail: 'wp:comment_author_email',
      date: 'wp:comment_date',
      dateGmt: 'wp:comment_date_gmt',
      approved: 'wp:comment_approved',
      type: 'wp:comment_type',
      parentId: 'wp:comment_parent',
      userId: 'wp:comment_user_id',
    }),
    content: rawChild(node, 'wp:comment_content'),
  };
}

function toItem(node: XmlNode): WxrItem {
  const meta: Record<string, string> = {};
  for (const m of node.children.filter((c) => c.name === 'wp:postmeta')) {
    meta[child(m, 'wp:meta_key')] = child(m, 'wp:meta_value');
  }
  return {
    postId: child(node, 'wp:post_id'),
    postType: child(node, 'wp:post_type'),
    title: child(node, 'title'),
    link: child(node, 'link'),
    creator: child(node, 'dc:creator'),
    content: rawChild(node, 'content:encoded'),
    excerpt: rawChild(node, 'excerpt:encoded'),
    postDate: child(node, 'wp:post_date'),
    postDateGmt: child(node, 'wp:post_date_gmt'),
    postModifiedGmt: child(node, 'wp:post_modified_gmt'),
    commentStatus: child(node, 'wp:comment_status'),
    postName: child(node, 'wp:post_name'),
    status: child(node, 'wp:status'),
    postParent: child(node, 'wp:post_parent'),
    postPassword: child(node, 'wp:post_password'),
    isSticky: child(node, 'wp:is_sticky') === '1',
    attachmentUrl: child(node, 'wp:attachment_url'),
    terms: node.children
      .filter((c) => c.name === 'category')
      .map((c) => ({
        domain: c.attributes.domain ?? '',
        nicename: c.attributes.nicename ?? '',
        name: c.text.trim(),
      })),
    meta,
    comments: node.children.filter((c) => c.name === 'wp:comment').map(toComment),
  };
}

function toRecord(node: XmlNode): WxrRecord {
  switch (node.name) {
    case 'wp:author':
      return { type: 'author', author: toAuthor(node) };
    case 'wp:category':
      return { type: 'category', category: toCategory(node) };
    case 'wp:tag':
      return { type: 'tag', tag: toTag(node) };
    default:
      return { type: 'item', item: toItem(node) };
  }
}

/**
 * Reads a WXR export as a stream of records, one at a time, with the file read in small chunks:
 * memory holds one chunk and the record being assembled, never the file, so a 1 GB export reads in
 * the memory of its largest post. The site record comes first. A file that is not well-formed XML,
 * or not a WordPress export, stops the reading with a WxrFormatError that names the line.
 */
export async function* readWxr(
  file: string,
  onProgress: (progress: ReadProgress) => void = () => {},
): AsyncGenerator<WxrRecord> {
  const totalBytes = statSync(file).size;
  const parser = new SaxesParser({ xmlns: false, position: true });
  const ready: WxrRecord[] = [];
  const site: WxrSite = { title: '', siteUrl: '', blogUrl: '', wxrVersion: '' };
  const path: string[] = [];
  let siteSent = false;
  let record: XmlNode[] | undefined;
  let metadata: { name: string; text: string } | undefined;

  function fail(message: string): never {
    throw new WxrFormatError(`line ${parser.line}, column ${parser.column + 1}: ${message}`);
  }

  function sendSite() {
    if (siteSent) return;
    siteSent = true;
    if (!site.wxrVersion || !site.siteUrl) {
      fail('this is not a WordPress export (WXR): the channel has no wp:wxr_version or wp:base_site_url');
    }
    ready.push({ type: 'site', site: { ...site, blogUrl: site.blogUrl || site.siteUrl } });
  }

  parser.on('error', (error) => fail(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '')));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    path.push(tag.name);
    const node: XmlNode = { name: tag.name, attributes: tag.attributes, text: '', children: [] };
    if (record) {
      record.at(-1)?.children.push(node);
      record.push(node);
    } else if (path.length === 1 && tag.name !== 'rss') {
      fail(`this is not a WordPress export (WXR): the document starts with <${tag.name}>, not <rss>`);
    } else if (path.length === 3 && path[1] === 'channel') {
      if (recordElements.has(tag.name)) {
        sendSite();
        record = [node];
      } else {
        metadata = { name: tag.name, text: '' };
      }
    }
  });
  const onText = (text: string) => {
    const current = record?.at(-1);
    if (current) current.text += text;
    else if (metadata) metadata.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    path.pop();
    if (record) {
      const done = record.pop();
      if (record.length === 0 && done) {
        record = undefined;
        ready.push(toRecord(done));
      }
    } else if (metadata && path.length === 2) {
      const text = metadata.text.trim();
      if (metadata.name === 'title') site.title = text;
      if (metadata.name === 'wp:base_site_url') site.siteUrl = text;
      if (metadata.name === 'wp:base_blog_url') site.blogUrl = text;
      if (metadata.name === 'wp:wxr_version') site.wxrVersion = text;
      metadata = undefined;
    }
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      try {
        parser.write(chunk.replace(forbiddenCharacters, ''));
      } catch (error) {
        // The records completed before the fault are whole: hand them over, then stop.
        while (ready.length > 0) yield ready.shift() as WxrRecord;
        throw error;
      }
      onProgress({ bytesRead: stream.bytesRead, totalBytes });
      while (ready.length > 0) yield ready.shift() as WxrRecord;
    }
    parser.close();
  } finally {
    stream.destroy();
  }
  // An export without a single post or term still names its site.
  sendSite();
  while (ready.length > 0) yield ready.shift() as WxrRecord;
}
