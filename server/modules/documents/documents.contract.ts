export type DocumentsModule = ReturnType<typeof import('./documents.module').createDocumentsModule>;
