import type { RestContribution } from '@ulms/platform';
import { addAttachmentRoute, getAttachmentRoute, listAttachmentsRoute } from './alma-attachments.routes.js';
import { almaUsersError } from './alma-error-codes.js';
import { personalDataRoute } from './alma-personal-data.routes.js';
import { almaXmlShape } from '../contracts/alma-xml-shape.js';
import {
  createUserRoute,
  deleteUserRoute,
  getUserRoute,
  listUsersRoute,
  updateUserRoute,
} from './alma-users.routes.js';

/** The users module's part of the Alma-format REST API. */
export const usersHttp: RestContribution = {
  routes: [
    listUsersRoute,
    createUserRoute,
    getUserRoute,
    updateUserRoute,
    deleteUserRoute,
    personalDataRoute,
    listAttachmentsRoute,
    getAttachmentRoute,
    addAttachmentRoute,
  ],
  xmlShape: almaXmlShape,
  mapError: almaUsersError,
};
