/** What every newsroom page needs: who is signed in, their form token, the newsroom's assets. */
export interface NewsroomContext {
  siteName: string;
  siteUrl: string;
  timeZone: string;
  now: Date;
  user: { id: number; name: string; email: string; role: 'admin' | 'editor' | 'writer' | 'moderator' };
  csrfToken: string;
  /** Comments waiting for moderation, for those who moderate; shown beside «نظرها». */
  pendingComments?: number | undefined;
  stylesheet: string;
  script: string;
  icon: string;
}
