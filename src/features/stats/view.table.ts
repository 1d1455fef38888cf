export interface ArticleViewsHourlyTable {
  articleId: number;
  /** UTC hour the views fall in, as "2024-01-27T08:00:00.000Z". */
  hour: string;
  views: number;
}
