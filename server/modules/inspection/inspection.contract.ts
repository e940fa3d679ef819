/** What other modules may know of inspection cases. */
export type { InspectionModule } from './inspection.module';
