import type { Actor } from '../../platform/security/actor';

/** What other modules may know of inspection cases. */
export type { InspectionModule } from './inspection.module';

/** What the inspection module asks of the documents module: a document the actor may read, or none. */
export interface CaseDocumentsPort {
  describe(actor: Actor, id: string): Promise<{ id: string; summary: string; numberText: string | null }>;
}
