/** What every public page needs besides its own data: who we are, the menu, when "now" is. */
export interface SiteContext {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  /** The menu: each section's slug and name, in order. */
  sections: { slug: string; name: string }[];
  now: Date;
  stylesheet: string;
  script: string;
  icon: string;
  newsroomStylesheet: string;
  newsroomScript: string;
}
