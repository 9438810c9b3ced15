import {
  ForbiddenError,
  type InstitutionRef,
  type Principal,
  protectedProcedure,
  visibleOwnerLibraries,
} from '@ulms/platform';
import { type UserChangeActor, usersPermissions } from '@ulms/users/contracts';
import {
  addProxyForInput,
  createFulfillmentProxyInput,
  removeProxyForInput,
  updateProxyForInput,
  userProxiesInput,
} from '../contracts/proxy.schema.js';
import { PROXIES_MODULE, proxiesPermissions as can } from '../contracts/proxies-module.js';
import { proxyOperationsRef } from './proxy-operations.js';

const read = protectedProcedure(PROXIES_MODULE, can.proxyRead);
const manage = protectedProcedure(PROXIES_MODULE, can.proxyManage);

/** Who changes relations, as History and the users service (a fulfillment proxy's record) take it. */
const callerOf = (ctx: { institution: InstitutionRef; principal: Principal }): UserChangeActor => ({
  institutionId: ctx.institution.id,
  actor: ctx.principal.displayName,
  actorKind: ctx.principal.kind,
  caller: {
    permissions: ctx.principal.permissions,
    visibleLibraryIds: visibleOwnerLibraries(ctx.institution, ctx.principal),
  },
});

/** A user's Proxy For relations, their changes, and a new user created as a fulfillment proxy. */
export const proxiesRouter = {
  list: read
    .input(userProxiesInput)
    .query(({ ctx, input }) => ctx.services.get(proxyOperationsRef).list(callerOf(ctx), input)),
  add: manage
    .input(addProxyForInput)
    .mutation(({ ctx, input }) => ctx.services.get(proxyOperationsRef).add(callerOf(ctx), input)),
  update: manage
    .input(updateProxyForInput)
    .mutation(({ ctx, input }) => ctx.services.get(proxyOperationsRef).update(callerOf(ctx), input)),
  remove: manage
    .input(removeProxyForInput)
    .mutation(({ ctx, input }) => ctx.services.get(proxyOperationsRef).remove(callerOf(ctx), input)),
  createFulfillmentProxy: manage.input(createFulfillmentProxyInput).mutation(({ ctx, input }) => {
    // Creating the proxy's record is creating a user: the caller needs that permission too.
    if (!ctx.principal.permissions.has(usersPermissions.userCreate))
      throw new ForbiddenError(`creating a user needs the permission ${usersPermissions.userCreate}`);
    return ctx.services.get(proxyOperationsRef).createFulfillmentProxy(callerOf(ctx), input);
  }),
};
