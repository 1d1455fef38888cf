export interface CurationSlotsTable {
  slot: string;
  position: number;
  articleId: number;
}
