import { type Principal, protectedProcedure, tenancyServices } from '@ulms/platform';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { codeTableNames } from '../contracts/user-codes.js';
import { createUserInput, searchUsersInput, updateUserInput, userIdInput } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersPermissions as can } from '../contracts/users-permissions.js';
import { codeTableEntryInput } from './code-table.service.js';
import { USERS_MODULE } from './user.service.js';
import { usersServices } from './users-services.js';

const actorOf = (institutionId: string, principal: Principal) => ({ institutionId, actor: principal.displayName });

/** Find and Manage Users, the user record, and the module's code tables. */
export const usersRouter = {
  search: protectedProcedure(USERS_MODULE, can.userRead)
    .input(searchUsersInput)
    .query(({ ctx, input }) => ctx.services.get(usersServices.search).search(ctx.institution, input)),
  get: protectedProcedure(USERS_MODULE, can.userRead)
    .input(userIdInput)
    .query(({ ctx, input }) => ctx.services.get(usersServices.users).get(ctx.institution.id, input.id)),
  create: protectedProcedure(USERS_MODULE, can.userCreate)
    .input(createUserInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.users).create(actorOf(ctx.institution.id, ctx.principal), input),
    ),
  update: protectedProcedure(USERS_MODULE, can.userUpdate)
    .input(updateUserInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(usersServices.users).update(actorOf(ctx.institution.id, ctx.principal), input),
    ),
  config: protectedProcedure(USERS_MODULE, can.configRead).query(({ ctx }) =>
    ctx.services.get(tenancyServices.modules).config<UsersConfig>(ctx.institution.id, USERS_MODULE),
  ),
  codeTables: {
    list: protectedProcedure(USERS_MODULE, can.configRead)
      .input(z.object({ table: z.enum(codeTableNames as [string, ...string[]]).optional() }).optional())
      .query(({ ctx, input }) =>
        ctx.services.get(usersServices.codeTables).list(ctx.institution.id, input?.table as never),
      ),
    save: protectedProcedure(USERS_MODULE, can.configManage)
      .input(codeTableEntryInput)
      .mutation(({ ctx, input }) => ctx.services.get(usersServices.codeTables).save(ctx.institution.id, input)),
    remove: protectedProcedure(USERS_MODULE, can.configManage)
      .input(z.object({ table: z.enum(codeTableNames as [string, ...string[]]), code: z.string().min(1) }))
      .mutation(({ ctx, input }) =>
        ctx.services.get(usersServices.codeTables).remove(ctx.institution.id, input.table as never, input.code),
      ),
  },
} satisfies TRPCRouterRecord;
