import { defineRestRoute } from '@ulms/platform';
import { z } from 'zod';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { USERS_MODULE } from '../server/users-module.js';
import { usersServices } from '../server/users-services.js';
import { userIdType, userPathParams } from '../contracts/alma-user-id.js';
import {
  almaAttachment,
  almaContextOf,
  almaNote,
  almaStatistic,
  fullAlmaUser,
  userLink,
} from './alma-user-document.js';
import { findAlmaUser } from './alma-user-finder.js';
import { almaUserSchema } from './alma-user.schema.js';

/** GET /users/{user_id}/personal-data: the whole record in one document (data portability). */
export const personalDataRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}/personal-data',
  operationId: 'getUserPersonalData',
  summary:
    'Everything kept about a user in one document: the record, notes, statistics and attachments (without their content)',
  tags: ['Users'],
  moduleId: USERS_MODULE,
  permission: can.userRead,
  params: userPathParams,
  query: z.object({ user_id_type: userIdType }),
  responses: { 200: { description: 'The personal data', schema: almaUserSchema } },
  async handle({ services, institution, principal, params, query, baseUrl }) {
    const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const parts = services.get(usersServices.parts);
    const [context, notes, statistics, attachments] = await Promise.all([
      almaContextOf(services, institution),
      parts.listNotes({ institution, principal }, user.id),
      parts.listStatistics({ institution, principal }, user.id),
      parts.listAttachments(institution.id, user.id),
    ]);
    return {
      status: 200,
      body: {
        ...fullAlmaUser(user, context, baseUrl),
        user_note: notes.map(almaNote),
        user_statistic: statistics.map((s) => almaStatistic(s, context)),
        user_attachment: attachments.map((a) => almaAttachment(a, userLink(baseUrl, user))),
      },
      xmlRoot: 'user',
    };
  },
});
