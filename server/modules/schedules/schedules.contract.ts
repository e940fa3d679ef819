export type { SchedulesModule } from './schedules.module';
