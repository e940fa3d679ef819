export type { GeneratedDocuments } from './generated.service';
