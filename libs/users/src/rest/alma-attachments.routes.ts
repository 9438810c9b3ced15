import { defineRestRoute, RestError, restErrorCodes, tenancyServices } from '@ulms/platform';
import { z } from 'zod';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { USERS_MODULE } from '../server/users-module.js';
import { usersServices } from '../server/users-services.js';
import { userIdType, userPathParams } from '../contracts/alma-user-id.js';
import { apiActor } from './alma-request.js';
import { almaAttachment, userLink } from './alma-user-document.js';
import { findAlmaUser } from './alma-user-finder.js';
import { almaAttachmentListSchema, almaAttachmentSchema } from './alma-user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';

const tags = ['User attachments'];

/** GET /users/{user_id}/attachments. */
export const listAttachmentsRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}/attachments',
  operationId: 'listUserAttachments',
  summary: "List a user's attachments",
  tags,
  moduleId: USERS_MODULE,
  permission: can.userRead,
  params: userPathParams,
  query: z.object({ user_id_type: userIdType }),
  responses: {
    200: {
      description: 'The attachments, without content',
      schema: almaAttachmentListSchema,
    },
  },
  async handle({ services, institution, params, query, baseUrl }) {
    const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const attachments = await services.get(usersServices.parts).listAttachments(institution.id, user.id);
    return {
      status: 200,
      body: {
        total_record_count: attachments.length,
        user_attachment: attachments.map((a) => almaAttachment(a, userLink(baseUrl, user))),
      },
      xmlRoot: 'user_attachments',
    };
  },
});

/** GET /users/{user_id}/attachments/{attachment_id}. */
export const getAttachmentRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}/attachments/{attachment_id}',
  operationId: 'getUserAttachment',
  summary: "Get one of a user's attachments; expand=content adds the file, base64-encoded",
  tags,
  moduleId: USERS_MODULE,
  permission: can.userRead,
  params: userPathParams.extend({ attachment_id: z.string().min(1) }),
  query: z.object({
    user_id_type: userIdType,
    expand: z.enum(['content']).optional(),
  }),
  responses: {
    200: { description: 'The attachment', schema: almaAttachmentSchema },
    404: { description: 'No such user or attachment' },
  },
  async handle({ services, institution, params, query, baseUrl }) {
    const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const parts = services.get(usersServices.parts);
    const found = (await parts.listAttachments(institution.id, user.id)).find((a) => a.id === params.attachment_id);
    if (!found) throw RestError.of(404, restErrorCodes.notFound, `Attachment ${params.attachment_id} was not found.`);
    const content =
      query.expand === 'content'
        ? {
            content: (await parts.downloadAttachment(institution.id, user.id, found.id)).contentBase64,
          }
        : {};
    return {
      status: 200,
      body: { ...almaAttachment(found, userLink(baseUrl, user)), ...content },
      xmlRoot: 'user_attachment',
    };
  },
});

/** POST /users/{user_id}/attachments: `file_name` and `content` (base64), optionally `note`. */
export const addAttachmentRoute = defineRestRoute({
  method: 'POST',
  path: '/users/{user_id}/attachments',
  operationId: 'addUserAttachment',
  summary: 'Add an attachment to a user (file_name and content, base64-encoded)',
  tags,
  moduleId: USERS_MODULE,
  permission: can.userUpdate,
  params: userPathParams,
  query: z.object({ user_id_type: userIdType }),
  body: almaAttachmentSchema,
  // The institution's largest file, base64-encoded (4 bytes for 3), plus room for the name, note and markup.
  bodyLimit: async ({ services, institution }) => {
    const config = await services.get(tenancyServices.modules).config<UsersConfig>(institution.id, USERS_MODULE);
    return Math.ceil(config.attachments.maxSizeBytes / 3) * 4 + 64 * 1024;
  },
  responses: {
    200: { description: 'The attachment added', schema: almaAttachmentSchema },
    400: {
      description: 'Missing content, a file too large or of a type not allowed',
    },
  },
  async handle(request) {
    const { services, institution, params, query, body, baseUrl } = request;
    const user = await findAlmaUser(services, institution, params.user_id, query.user_id_type);
    const added = await services.get(usersServices.parts).addAttachment(apiActor(request), {
      userId: user.id,
      fileName: body.file_name,
      contentBase64: body.content ?? '',
      note: body.note,
    });
    return {
      status: 200,
      body: almaAttachment(added, userLink(baseUrl, user)),
      xmlRoot: 'user_attachment',
    };
  },
});
