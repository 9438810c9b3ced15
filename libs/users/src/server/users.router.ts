import type { TRPCRouterRecord } from '@trpc/server';
import {
  type InstitutionRef,
  jobServices,
  type Principal,
  protectedProcedure,
  tenancyServices,
  ValidationError,
  visibleOwnerLibraries,
} from '@ulms/platform';
import { z } from 'zod';
import { codeTableNames } from '../contracts/user-codes.js';
import {
  addAttachmentInput,
  addNoteInput,
  addStatisticInput,
  updateNoteInput,
  userPartInput,
  userPartsInput,
} from '../contracts/user-parts.schema.js';
import {
  addRoleInput,
  recalculateRolesInput,
  removeRoleInput,
  updateRoleInput,
} from '../contracts/user-roles.schema.js';
import {
  bulkEditInput,
  createUserInput,
  historyInput,
  revertOverrideInput,
  searchUsersInput,
  updateUserInput,
  userIdInput,
} from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { codeTableEntryInput } from '../contracts/code-table.schema.js';
import type { UserChangeActor } from '../contracts/service-callers.js';
import { fieldPermissionErrors } from './change-actor.js';
import { USERS_MODULE } from './users-module.js';
import { readableHistoryEntry } from './user-history.js';
import { loadHistoryWords, withReadableUpdatedBy } from './user-history-words.js';
import { usersServices } from './users-services.js';

const actorOf = (institution: InstitutionRef, principal: Principal): UserChangeActor => ({
  institutionId: institution.id,
  actor: principal.displayName,
  actorKind: principal.kind,
  caller: {
    permissions: principal.permissions,
    visibleLibraryIds: visibleOwnerLibraries(institution, principal),
  },
});

const read = protectedProcedure(USERS_MODULE, can.userRead);
const update = protectedProcedure(USERS_MODULE, can.userUpdate);
const remove = protectedProcedure(USERS_MODULE, can.userDelete);
const manageRoles = protectedProcedure(USERS_MODULE, can.roleManage);

/** Find and Manage Users, the user record and its tabs, deletion, jobs, and the module's code tables. */
export const usersRouter = {
  search: read
    .input(searchUsersInput)
    .query(({ ctx, input }) => ctx.services.get(usersServices.search).search(ctx.institution, input)),
  get: read
    .input(userIdInput)
    .query(async ({ ctx, input }) =>
      withReadableUpdatedBy(
        ctx.services,
        ctx.institution.id,
        await ctx.services.get(usersServices.users).get(ctx.institution.id, input.id),
      ),
    ),
  create: protectedProcedure(USERS_MODULE, can.userCreate)
    .input(createUserInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.users).create(actorOf(ctx.institution, ctx.principal), input),
    ),
  update: update
    .input(updateUserInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.users).update(actorOf(ctx.institution, ctx.principal), input),
    ),
  revertOverride: update
    .input(revertOverrideInput)
    .mutation(({ ctx, input }) =>
      ctx.services
        .get(usersServices.users)
        .revertOverride(actorOf(ctx.institution, ctx.principal), input.id, input.field),
    ),
  toggleAccountType: protectedProcedure(USERS_MODULE, can.toggleAccountType)
    .input(userIdInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.users).toggleAccountType(actorOf(ctx.institution, ctx.principal), input.id),
    ),
  history: read.input(historyInput).query(async ({ ctx, input }) => {
    const page = await ctx.services.get(usersServices.parts).history(ctx, input.id, input);
    const words = await loadHistoryWords(ctx.services, ctx.institution.id, page.entries);
    return {
      ...page,
      entries: page.entries.map((e) => readableHistoryEntry(e, words)),
    };
  }),
  deletionCheck: remove.input(userIdInput).query(async ({ ctx, input }) => {
    await ctx.services.get(usersServices.users).get(ctx.institution.id, input.id);
    const reasons = await ctx.services.get(usersServices.deletion).reasons(ctx.institution.id, [input.id]);
    return { reasons: reasons.get(input.id) ?? [] };
  }),
  delete: remove
    .input(userIdInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.deletion).delete(actorOf(ctx.institution, ctx.principal), input.id),
    ),
  bulkEdit: update.input(bulkEditInput).mutation(({ ctx, input }) => {
    const refused = fieldPermissionErrors(actorOf(ctx.institution, ctx.principal).caller, Object.keys(input.changes));
    if (refused.length) throw new ValidationError(refused.map((e) => ({ ...e, field: `changes.${e.field}` })));
    return ctx.services
      .get(jobServices.jobs)
      .start(ctx.institution.id, 'users.bulkEdit', input, ctx.principal.displayName, ctx.principal.id);
  }),
  purge: remove.mutation(({ ctx }) =>
    ctx.services
      .get(jobServices.jobs)
      .start(ctx.institution.id, 'users.purge', {}, ctx.principal.displayName, ctx.principal.id),
  ),
  roles: {
    add: manageRoles
      .input(addRoleInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.users).addRole(actorOf(ctx.institution, ctx.principal), input),
      ),
    update: manageRoles
      .input(updateRoleInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.users).updateRole(actorOf(ctx.institution, ctx.principal), input),
      ),
    remove: manageRoles
      .input(removeRoleInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.users).removeRole(actorOf(ctx.institution, ctx.principal), input),
      ),
    recalculate: manageRoles
      .input(recalculateRolesInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.users).recalculateRoles(actorOf(ctx.institution, ctx.principal), input),
      ),
  },
  notes: {
    list: read
      .input(userPartsInput)
      .query(({ ctx, input }) => ctx.services.get(usersServices.parts).listNotes(ctx, input.userId)),
    add: update
      .input(addNoteInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).addNote(actorOf(ctx.institution, ctx.principal), input),
      ),
    update: update
      .input(updateNoteInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).updateNote(actorOf(ctx.institution, ctx.principal), input),
      ),
    remove: update
      .input(userPartInput)
      .mutation(({ ctx, input }) =>
        ctx.services
          .get(usersServices.parts)
          .removeNote(actorOf(ctx.institution, ctx.principal), input.userId, input.id),
      ),
  },
  statistics: {
    list: read
      .input(userPartsInput)
      .query(({ ctx, input }) => ctx.services.get(usersServices.parts).listStatistics(ctx, input.userId)),
    add: update
      .input(addStatisticInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).addStatistic(actorOf(ctx.institution, ctx.principal), input),
      ),
    remove: update
      .input(userPartInput)
      .mutation(({ ctx, input }) =>
        ctx.services
          .get(usersServices.parts)
          .removeStatistic(actorOf(ctx.institution, ctx.principal), input.userId, input.id),
      ),
  },
  attachments: {
    list: read
      .input(userPartsInput)
      .query(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).listAttachments(ctx.institution.id, input.userId),
      ),
    download: read
      .input(userPartInput)
      .query(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).downloadAttachment(ctx.institution.id, input.userId, input.id),
      ),
    add: update
      .input(addAttachmentInput)
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.parts).addAttachment(actorOf(ctx.institution, ctx.principal), input),
      ),
    remove: update
      .input(userPartInput)
      .mutation(({ ctx, input }) =>
        ctx.services
          .get(usersServices.parts)
          .removeAttachment(actorOf(ctx.institution, ctx.principal), input.userId, input.id),
      ),
  },
  config: protectedProcedure(USERS_MODULE, can.configRead).query(({ ctx }) =>
    ctx.services.get(tenancyServices.modules).config<UsersConfig>(ctx.institution.id, USERS_MODULE),
  ),
  codeTables: {
    list: protectedProcedure(USERS_MODULE, can.configRead)
      .input(
        z
          .object({
            table: z.enum(codeTableNames as [string, ...string[]]).optional(),
          })
          .optional(),
      )
      .query(({ ctx, input }) =>
        ctx.services.get(usersServices.codeTables).list(ctx.institution.id, input?.table as never),
      ),
    save: protectedProcedure(USERS_MODULE, can.configManage)
      .input(codeTableEntryInput)
      .mutation(({ ctx, input }) => ctx.services.get(usersServices.codeTables).save(ctx.institution.id, input)),
    remove: protectedProcedure(USERS_MODULE, can.configManage)
      .input(
        z.object({
          table: z.enum(codeTableNames as [string, ...string[]]),
          code: z.string().min(1),
        }),
      )
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.codeTables).remove(ctx.institution.id, input.table as never, input.code),
      ),
  },
} satisfies TRPCRouterRecord;
