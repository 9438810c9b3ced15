import { defineRestRoute, RestError, restErrorCodes } from '@ulms/platform';
import { z } from 'zod';
import type { SaveUserResult } from '../contracts/user.dto.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { almaUserToFields } from '../server/alma/alma-user.mapper.js';
import { USERS_MODULE } from '../server/user.service.js';
import { usersServices } from '../server/users-services.js';
import { almaErrorCodes } from './alma-error-codes.js';
import { almaOrderBy } from './alma-query.js';
import { apiActor, userIdType, userPathParams } from './alma-request.js';
import {
  type AlmaContext,
  almaContextOf,
  almaNote,
  almaStatistic,
  briefAlmaUser,
  fullAlmaUser,
} from './alma-user-document.js';
import { findAlmaDocument, findAlmaUser } from './alma-user-finder.js';
import { almaUserListSchema, almaUserSchema } from './alma-user.schema.js';
import { almaUpdateInput, parseOverride } from './alma-user-update.js';
import { searchAlmaUsers } from './alma-user-search.js';

const tags = ['Users'];
const notFound = {
  description: 'No such user (401861, or 401890 with user_id_type)',
};
const invalid = {
  description:
    'Invalid input: 401851, 401664, 401852, 401857, 500038 or INVALID_REQUEST',
};

/** The reference's mandatory fields that the mapper cannot see missing (validation covers the rest). */
function requireRecordType(fields: { recordType?: string }): void {
  if (!fields.recordType)
    throw new RestError(400, [
      {
        errorCode: almaErrorCodes.mandatoryFieldMissing,
        errorMessage: 'Mandatory field is missing. (record_type: is required)',
      },
    ]);
}

/** The saved user as the reference answers a create or an update (the API confirms duplicates, so nothing else is expected). */
function savedUserResponse(
  result: SaveUserResult,
  context: AlmaContext,
  baseUrl: string,
) {
  if (result.status !== 'saved')
    throw RestError.of(500, restErrorCodes.internal, 'the user was not saved');
  return {
    status: 200,
    body: fullAlmaUser(result.user, context, baseUrl),
    xmlRoot: 'user',
  };
}

/** GET /users: the reference's `q`, paged. */
export const listUsersRoute = defineRestRoute({
  method: 'GET',
  path: '/users',
  operationId: 'listUsers',
  summary:
    'Find users: q as field~value conditions joined with AND (primary_id, first_name, last_name, email, identifiers, job_category, ALL)',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userRead,
  query: z.object({
    q: z
      .string()
      .optional()
      .describe('e.g. last_name~Smith AND email~jo@example.org'),
    limit: z.coerce.number().int().min(0).max(100).default(10),
    offset: z.coerce.number().int().min(0).default(0),
    order_by: z
      .enum(almaOrderBy)
      .optional()
      .describe('last_name (the default order), first_name or primary_id'),
  }),
  responses: {
    200: { description: 'The users found, brief', schema: almaUserListSchema },
  },
  async handle({ services, institution, query, baseUrl }) {
    const found = await searchAlmaUsers(
      services.get(usersServices.search),
      institution,
      {
        q: query.q,
        limit: query.limit,
        offset: query.offset,
        orderBy: query.order_by,
      },
    );
    const [context, users] = await Promise.all([
      almaContextOf(services, institution),
      Promise.all(
        found.ids.map((id) =>
          services.get(usersServices.users).get(institution.id, id),
        ),
      ),
    ]);
    return {
      status: 200,
      body: {
        total_record_count: found.total,
        user: users.map((u) => briefAlmaUser(u, context, baseUrl)),
      },
      xmlRoot: 'users',
    };
  },
});

/** POST /users: creates a user from an Alma user document. */
export const createUserRoute = defineRestRoute({
  method: 'POST',
  path: '/users',
  operationId: 'createUser',
  summary: 'Create a user',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userCreate,
  body: almaUserSchema,
  responses: {
    200: { description: 'The user created', schema: almaUserSchema },
    400: invalid,
  },
  async handle(request) {
    const { services, institution, body, baseUrl } = request;
    const context = await almaContextOf(services, institution);
    const { fields } = almaUserToFields(body, context.libraryCodes);
    requireRecordType(fields);
    const result = await services
      .get(usersServices.users)
      .create(apiActor(request), { ...fields, confirmDuplicate: true });
    return savedUserResponse(result, context, baseUrl);
  },
});

/** GET /users/{user_id}. */
export const getUserRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}',
  operationId: 'getUser',
  summary: 'Get a user',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userRead,
  params: userPathParams,
  query: z.object({
    user_id_type: userIdType,
    view: z.enum(['full', 'brief']).default('full'),
    expand: z
      .string()
      .optional()
      .describe('fees: accepted, and ignored until the fines module exists'),
  }),
  responses: {
    200: { description: 'The user', schema: almaUserSchema },
    404: notFound,
  },
  async handle({ services, institution, principal, params, query, baseUrl }) {
    const context = await almaContextOf(services, institution);
    if (query.view === 'brief') {
      const user = await findAlmaUser(
        services,
        institution,
        params.user_id,
        query.user_id_type,
      );
      return {
        status: 200,
        body: briefAlmaUser(user, context, baseUrl),
        xmlRoot: 'user',
      };
    }
    const { user, notes, statistics } = await findAlmaDocument(
      services,
      { institution, principal },
      params.user_id,
      query.user_id_type,
    );
    return {
      status: 200,
      body: {
        ...fullAlmaUser(user, context, baseUrl),
        user_note: notes.map(almaNote),
        user_statistic: statistics.map((s) => almaStatistic(s, context)),
      },
      xmlRoot: 'user',
    };
  },
});

/** PUT /users/{user_id}: the reference's "swap all". */
export const updateUserRoute = defineRestRoute({
  method: 'PUT',
  path: '/users/{user_id}',
  operationId: 'updateUser',
  summary:
    'Update a user ("swap all": the record sent replaces the user; no roles keeps the roles; on an external user the protected fields stay unless named in override)',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userUpdate,
  params: userPathParams,
  query: z.object({
    user_id_type: userIdType,
    override: z
      .string()
      .optional()
      .describe(
        'comma-separated protected fields of an external user to replace: user_group, job_category, pin_number, preferred_language, campus_code, rs_libraries, user_title, library_notices, pref_first_name, pref_middle_name, pref_last_name, cataloger_level',
      ),
  }),
  body: almaUserSchema,
  responses: {
    200: { description: 'The user updated', schema: almaUserSchema },
    400: invalid,
    404: notFound,
  },
  async handle(request) {
    const { services, institution, params, query, body, baseUrl } = request;
    const override = parseOverride(query.override);
    const existing = await findAlmaUser(
      services,
      institution,
      params.user_id,
      query.user_id_type,
    );
    const context = await almaContextOf(services, institution);
    const { fields } = almaUserToFields(body, context.libraryCodes);
    requireRecordType(fields);
    const input = almaUpdateInput(existing, fields, body, override);
    const result = await services
      .get(usersServices.users)
      .update(apiActor(request), input);
    return savedUserResponse(result, context, baseUrl);
  },
});

/** DELETE /users/{user_id}: 204, or every reason that stops it as 401850. */
export const deleteUserRoute = defineRestRoute({
  method: 'DELETE',
  path: '/users/{user_id}',
  operationId: 'deleteUser',
  summary: 'Delete a user',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userDelete,
  params: userPathParams,
  query: z.object({ user_id_type: userIdType }),
  responses: {
    204: { description: 'Deleted' },
    400: { description: 'Not deleted: 401850 with each reason' },
    404: notFound,
  },
  async handle(request) {
    const { services, institution, params, query } = request;
    const user = await findAlmaUser(
      services,
      institution,
      params.user_id,
      query.user_id_type,
    );
    const result = await services
      .get(usersServices.deletion)
      .delete(apiActor(request), user.id);
    if (!result.deleted) {
      throw new RestError(
        400,
        result.reasons.map((reason) => ({
          errorCode: almaErrorCodes.failedToDelete,
          errorMessage: `Failed to delete user. (${reason})`,
        })),
      );
    }
    return { status: 204 };
  },
});
