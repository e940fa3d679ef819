/** What other modules may know of the directory (organizations, people, groups). */
export type { DirectoryService } from './directory.module';
