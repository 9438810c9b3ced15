import { createServiceRef } from '@ulms/platform/contracts';
import type { CodeTableService } from './code-table-service.js';
import type { ExternalUserLoad } from './external-user-load.js';
import type { PersonalDataService } from './personal-data-service.js';
import type { UserBulkUpdater } from './user-bulk-updater.js';
import type { UserHistoryWriter } from './user-history-writer.js';
import type { UserDeletionService } from './user-deletion-service.js';
import type { UserPartsService } from './user-parts-service.js';
import type { UserSearchService } from './user-search-service.js';
import type { UserService } from './user-service.js';
import type { AttachmentStorage, UserDocumentPart } from './users-extension-points.js';

/** The parts of the Alma user document that plugins enabled for an institution contribute. */
export type DocumentParts = (institutionId: string) => Promise<UserDocumentPart[]>;

/** Services of the users module other modules may ask for. */
export const usersServices = {
  users: createServiceRef<UserService>({ id: 'users.users' }),
  search: createServiceRef<UserSearchService>({ id: 'users.search' }),
  codeTables: createServiceRef<CodeTableService>({ id: 'users.codeTables' }),
  deletion: createServiceRef<UserDeletionService>({ id: 'users.deletion' }),
  bulkUpdater: createServiceRef<UserBulkUpdater>({ id: 'users.bulkUpdater' }),
  /** A user's notes, statistics, attachments and history. */
  parts: createServiceRef<UserPartsService>({ id: 'users.parts' }),
  /** The attachment storage an institution's configuration picks. */
  storage: createServiceRef<(institutionId: string) => Promise<AttachmentStorage>>({ id: 'users.storage' }),
  /** The parts of the Alma user document other modules enabled for an institution contribute. */
  documentParts: createServiceRef<DocumentParts>({ id: 'users.documentParts' }),
  /** A user's whole record as one Alma document (the personal-data route, the Personal Information letter). */
  personalData: createServiceRef<PersonalDataService>({ id: 'users.personalData' }),
  /** The SIS's set-based load of external users, with the reference's merge rules. */
  externalLoad: createServiceRef<ExternalUserLoad>({ id: 'users.externalLoad' }),
  /** History entries for other modules' set-based changes (enrolments). */
  history: createServiceRef<UserHistoryWriter>({ id: 'users.history' }),
};
