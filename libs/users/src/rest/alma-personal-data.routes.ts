import { defineRestRoute } from '@ulms/platform';
import { z } from 'zod';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { USERS_MODULE } from '../server/users-module.js';
import { usersServices } from '../server/users-services.js';
import { userIdType, userPathParams } from '../contracts/alma-user-id.js';
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
    const { json } = await services.get(usersServices.personalData).document({ institution, principal }, user, baseUrl);
    return {
      status: 200,
      body: json,
      xmlRoot: 'user',
    };
  },
});
