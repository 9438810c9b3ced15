import { defineRestRoute, RestError, type RestRequest, restErrorCodes } from '@ulms/platform';
import { z } from 'zod';
import type { NoteDto, StatisticDto } from '../contracts/user-parts.schema.js';
import type { SaveUserResult, UserDto } from '../contracts/user.dto.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { USERS_MODULE } from '../server/users-module.js';
import { usersServices } from '../server/users-services.js';
import { almaErrorCodes } from './alma-error-codes.js';
import { almaOrderBy, almaQueryHelp } from './alma-query.js';
import { userIdType, userPathParams } from '../contracts/alma-user-id.js';
import { apiActor } from './alma-request.js';
import {
  type AlmaContext,
  almaContextOf,
  almaNote,
  almaStatistic,
  briefAlmaUser,
  documentPartsOf,
  fullAlmaUser,
  parseExpand,
} from './alma-user-document.js';
import { createActionParams, pinLetterOf, refuseUnsupportedActions, updateActionParams } from './alma-user-actions.js';
import { readAlmaUserBody } from './alma-user-body.js';
import { etagOf, expectedVersionOf } from './alma-versions.js';
import { findAlmaDocument, findAlmaUser } from './alma-user-finder.js';
import { almaUserListSchema, almaUserSchema } from './alma-user.schema.js';
import { almaUpdateInput, parseOverride } from './alma-user-update.js';
import { searchAlmaUsers } from './alma-user-search.js';

const tags = ['Users'];
const notFound = {
  description: 'No such user (401861, or 401890 with user_id_type)',
};
const invalid = {
  description: 'Invalid input: 401851, 401664, 401852, 401857, 500038 or INVALID_REQUEST',
};

type Caller = Pick<RestRequest<unknown, unknown, unknown>, 'services' | 'institution' | 'principal' | 'baseUrl'>;

/** The full user as GET answers it: the record, the notes and statistics the caller may see, and other modules' parts. */
async function fullAlmaDocument(
  request: Caller,
  found: { user: UserDto; notes: NoteDto[]; statistics: StatisticDto[] },
  context: AlmaContext,
  expand: readonly string[] = [],
) {
  const { services, institution, baseUrl } = request;
  return {
    ...fullAlmaUser(found.user, context, baseUrl),
    user_note: found.notes.map(almaNote),
    user_statistic: found.statistics.map((s) => almaStatistic(s, context)),
    ...(await documentPartsOf(services, institution, found.user, baseUrl, expand)),
  };
}

/** The saved user as the reference answers a create or an update: the same document GET answers. */
async function savedUserResponse(request: Caller, result: SaveUserResult, context: AlmaContext) {
  if (result.status !== 'saved') throw RestError.of(500, restErrorCodes.internal, 'the user was not saved');
  const found = await findAlmaDocument(request.services, request, result.user.primaryId, 'primary_id');
  return {
    status: 200,
    body: await fullAlmaDocument(request, found, context),
    xmlRoot: 'user',
    headers: etagOf(found.user),
  };
}

/** GET /users: the reference's `q`, paged. */
export const listUsersRoute = defineRestRoute({
  method: 'GET',
  path: '/users',
  operationId: 'listUsers',
  summary:
    'Find users: q as field~value conditions joined with upper-case AND, `_` for a space (primary_id, first_name, last_name, middle_name, email, phone_number, job_category, identifiers, birth_date, general_info: names, identifiers, email, job category, user group and job description; ALL: general_info and phone numbers)',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userRead,
  query: z.object({
    q: z.string().optional().describe(`e.g. last_name~Van_Dyke AND email~jo@example.org. ${almaQueryHelp}`),
    limit: z.coerce.number().int().min(0).max(100).default(10),
    offset: z.coerce.number().int().min(0).default(0),
    order_by: z.enum(almaOrderBy).optional().describe('last_name (the default order), first_name or primary_id'),
  }),
  responses: {
    200: { description: 'The users found, brief', schema: almaUserListSchema },
  },
  async handle({ services, institution, query, baseUrl }) {
    const found = await searchAlmaUsers(services.get(usersServices.search), institution, {
      q: query.q,
      limit: query.limit,
      offset: query.offset,
      orderBy: query.order_by,
    });
    const [context, users] = await Promise.all([
      almaContextOf(services, institution),
      Promise.all(found.ids.map((id) => services.get(usersServices.users).get(institution.id, id))),
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
  query: z.object(createActionParams),
  body: almaUserSchema,
  responses: {
    200: { description: 'The user created', schema: almaUserSchema },
    400: invalid,
  },
  async handle(request) {
    const { services, institution, body, query } = request;
    refuseUnsupportedActions(query);
    const context = await almaContextOf(services, institution);
    const { fields, parts } = await readAlmaUserBody(request, body, context);
    const pinLetter = await pinLetterOf(services, institution.id, query.send_pin_number_letter, fields);
    const result = await services
      .get(usersServices.users)
      .create(apiActor(request), { ...fields, confirmDuplicate: true }, { parts });
    if (pinLetter && result.status === 'saved')
      await pinLetter.sender.send(apiActor(request), result.user.id, pinLetter.pin);
    return savedUserResponse(request, result, context);
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
      .describe(
        'loans, requests, fees: each needs an enabled module that provides it (fees: fines; loans and requests: a circulation plugin), or the request is refused',
      ),
  }),
  responses: {
    200: { description: 'The user', schema: almaUserSchema },
    400: { description: 'An expansion no enabled module provides' },
    404: notFound,
  },
  async handle(request) {
    const { services, institution, principal, params, query, baseUrl } = request;
    const expand = parseExpand(query.expand);
    const context = await almaContextOf(services, institution);
    if (query.view === 'brief') {
      const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
      const expanded = expand.length
        ? await documentPartsOf(services, institution, user, baseUrl, expand, {
            expandedOnly: true,
          })
        : {};
      return {
        status: 200,
        body: { ...briefAlmaUser(user, context, baseUrl), ...expanded },
        xmlRoot: 'user',
        headers: etagOf(user),
      };
    }
    const found = await findAlmaDocument(services, { institution, principal }, params.user_id, query.user_id_type);
    return {
      status: 200,
      body: await fullAlmaDocument(request, found, context, expand),
      xmlRoot: 'user',
      headers: etagOf(found.user),
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
    ...updateActionParams,
  }),
  body: almaUserSchema,
  responses: {
    200: { description: 'The user updated', schema: almaUserSchema },
    400: invalid,
    404: notFound,
  },
  async handle(request) {
    const { services, institution, principal, params, query, body } = request;
    refuseUnsupportedActions(query);
    const override = parseOverride(query.override);
    const existing = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const expectedVersion = expectedVersionOf(request.header('if-match'), existing);
    const context = await almaContextOf(services, institution);
    const { fields, parts } = await readAlmaUserBody(request, body, context, existing.id);
    const input = {
      ...almaUpdateInput(existing, fields, body, override),
      version: expectedVersion,
    };
    const accountTypeChange = input.accountType !== existing.accountType;
    if (accountTypeChange && !principal.permissions.has(can.toggleAccountType)) {
      throw RestError.of(
        403,
        restErrorCodes.unauthorized,
        `changing account_type needs the permission "${can.toggleAccountType}", which the API key lacks`,
      );
    }
    const pinLetter = await pinLetterOf(services, institution.id, query.send_pin_number_letter, fields);
    const result = await services
      .get(usersServices.users)
      .update(apiActor(request), input, { parts, accountTypeChange, recalculateRoles: query.recalculate_roles });
    if (pinLetter && result.status === 'saved')
      await pinLetter.sender.send(apiActor(request), result.user.id, pinLetter.pin);
    return savedUserResponse(request, result, context);
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
    const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const result = await services.get(usersServices.deletion).delete(apiActor(request), user.id);
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
