import { slugify } from '../../platform/persian/slug.js';

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

/**
 * The canonical spelling of a tag name: Persian letters instead of their Arabic
 * look-alikes and single spaces, so «بانك  مركزي» and «بانک مرکزی» are one tag.
 */
export function normalizeTagName(name: string): string {
  return name.replace(/ي/g, 'ی').replace(/ك/g, 'ک').replace(/\s+/g, ' ').trim();
}

export function tagSlug(name: string): string {
  return slugify(normalizeTagName(name), 60);
}

/** A tag with how many articles carry it. */
export interface TagUsage extends Tag {
  count: number;
}
