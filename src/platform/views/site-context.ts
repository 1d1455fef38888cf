import type { Section } from '../../features/sections/section.js';

/** What every public page needs besides its own data: who we are, the menu, when "now" is. */
export interface SiteContext {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  sections: Pick<Section, 'slug' | 'name'>[];
  now: Date;
  stylesheet: string;
  script: string;
  icon: string;
}
