import { defineFileRoute, type FileContribution, tenancyServices, ValidationError } from '@ulms/platform';
import { z } from 'zod';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { apiActor } from '../rest/alma-request.js';
import { USERS_MODULE } from '../server/users-module.js';
import { usersServices } from '../server/users-services.js';

/**
 * `POST /files/users/{userId}/attachments`: one file in a `multipart/form-data` body (field `file`, after the
 * optional `fileName`, else the part's file name, and `note`), streamed to the attachment storage; answers the attachment added (201). The permission of
 * `users.attachments.add`.
 */
export const uploadAttachmentFile = defineFileRoute({
  method: 'POST',
  path: '/users/{userId}/attachments',
  moduleId: USERS_MODULE,
  permission: can.userUpdate,
  params: z.object({ userId: z.uuid() }),
  upload: {
    maxBytes: async ({ services, institution }) =>
      (await services.get(tenancyServices.modules).config<UsersConfig>(institution.id, USERS_MODULE)).attachments
        .maxSizeBytes,
    // The name as typed: browsers write `"` as %22 in a part's filename, a text field carries it as it is.
    fields: ['fileName', 'note'],
  },
  async handle(request) {
    const { upload, params, services } = request;
    if (!upload) throw ValidationError.of('file', 'is required');
    const added = await services.get(usersServices.parts).addAttachmentStream(
      apiActor(request),
      {
        userId: params.userId,
        fileName: upload.fields['fileName'] || upload.fileName,
        note: upload.fields['note'] || null,
      },
      upload.content,
    );
    return { status: 201, json: added };
  },
});

/**
 * `GET /files/users/{userId}/attachments/{id}`: the stored file, streamed, with its sniffed type, length and
 * name. The permission of `users.attachments.download`.
 */
export const downloadAttachmentFile = defineFileRoute({
  method: 'GET',
  path: '/users/{userId}/attachments/{id}',
  moduleId: USERS_MODULE,
  permission: can.userRead,
  params: z.object({ userId: z.uuid(), id: z.uuid() }),
  async handle({ services, institution, params }) {
    const attachment = await services.get(usersServices.parts).openAttachment(institution.id, params.userId, params.id);
    return {
      status: 200,
      file: {
        fileName: attachment.fileName,
        contentType: attachment.mimeType,
        size: attachment.size,
        content: attachment.content,
      },
    };
  },
});

/** The users module's file routes, for the admin app's attachments tab. */
export const usersFiles: FileContribution = {
  routes: [uploadAttachmentFile, downloadAttachmentFile],
};
