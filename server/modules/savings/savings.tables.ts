/** The savings module's tables, added to the database type below. */

export interface PaperSavingsTable {
  id: string;
  occurred_at: string;
  /** YYYY-MM in Vietnam. */
  month: string;
  organization_id: string;
  kind: string;
  entity_id: string;
  pages: number;
  copies: number;
}

declare module '../../platform/db/schema' {
  interface DB {
    paper_savings: PaperSavingsTable;
  }
}
