/** Library module: the condition & protocol library and technique catalogue (content/library/). */
export { createLibraryService, type LibraryService } from './library.service.js';
export { libraryRoutes } from './library.routes.js';
export { SHIPPED_LIBRARY_DIR } from './library.loader.js';
export type { Condition, Technique } from './domain/library-content.js';
