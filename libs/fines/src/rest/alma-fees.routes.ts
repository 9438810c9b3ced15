import {
  defineRestRoute,
  ForbiddenError,
  NotFoundError,
  RestError,
  type RestRequest,
  tenancyServices,
  ValidationError,
} from '@ulms/platform';
import { almaUserNotFound, findUserByAlmaId, userIdType, userPathParams, usersServices } from '@ulms/users/contracts';
import { z } from 'zod';
import type { FeeDto } from '../contracts/fee.schema.js';
import { FINES_MODULE, finesPermissions as can } from '../contracts/fines-module.js';
import type { FeeActor } from '../server/fee-actor.js';
import { feeOperationsRef } from '../server/fee-operations.js';
import { type AlmaFeeContext, almaFee, almaStatusOf, statusOfAlma } from './alma-fee.document.js';
import { almaFeeBody } from './alma-fee.schema.js';
import { inAlmaNames } from './alma-fee-errors.js';

const tags = ['Fines and fees'];
type Request = RestRequest<{ user_id: string }, { user_id_type: string }, unknown>;

const feePathParams = userPathParams.extend({ fee_id: z.string().min(1).max(100) });
const feeId = z.uuid();

const actorOf = (request: Pick<Request, 'institution' | 'principal'>): FeeActor => ({
  institution: request.institution,
  actor: request.principal.displayName,
});

/** The user `{user_id}` names, and what its fee documents are written with. */
async function contextOf(request: Request): Promise<AlmaFeeContext & { userId: string }> {
  const { services, institution, params, query, baseUrl } = request;
  const [user, libraries, config] = await Promise.all([
    findUserByAlmaId(services.get(usersServices.users), institution.id, params.user_id, query.user_id_type),
    services.get(tenancyServices.institutions).listLibraries(institution.id),
    services.get(feeOperationsRef).configOf(request),
  ]);
  if (!user) {
    const { errorCode, errorMessage } = almaUserNotFound(params.user_id, query.user_id_type);
    throw RestError.of(404, errorCode, errorMessage);
  }
  return {
    institution,
    libraries,
    config,
    user,
    userId: user.id,
    userUrl: `${baseUrl}/users/${encodeURIComponent(user.primaryId)}`,
  };
}

/** The fee `{fee_id}` of the user `{user_id}`; another user's fee is as unknown as a missing one. */
async function userFee(request: Request & { params: { fee_id: string } }, userId: string): Promise<FeeDto> {
  const missing = () => new NotFoundError(`fee ${request.params.fee_id} of this user`);
  if (!feeId.safeParse(request.params.fee_id).success) throw missing();
  const fee = await request.services.get(feeOperationsRef).get(request, { id: request.params.fee_id });
  if (fee.userId !== userId) throw missing();
  return fee;
}

async function feeDocuments(request: Request, context: AlmaFeeContext, fees: readonly FeeDto[]) {
  const ledgers = await request.services.get(feeOperationsRef).ledgersOf(
    request,
    fees.map((f) => f.id),
  );
  return fees.map((fee) => almaFee(fee, ledgers.get(fee.id) ?? [], context));
}

async function oneFee(request: Request, context: AlmaFeeContext, fee: FeeDto) {
  const [document] = await feeDocuments(request, context, [fee]);
  return { status: 200, body: document, xmlRoot: 'fee' };
}

function requirePermission(request: Pick<Request, 'principal'>, permission: string, what: string) {
  if (!request.principal.permissions.has(permission))
    throw new ForbiddenError(`the API key may not ${what} (needs ${permission})`);
}

const statusParam = z
  .enum(Object.values(almaStatusOf).map((s) => s.value) as [string, ...string[]])
  .optional()
  .describe('ACTIVE, INDISPUTE, EXPORTED or CLOSED; all when left out');

/** GET /users/{user_id}/fees: the user's fees, a bounded page at a time, with the sum of every page. */
export const listFeesRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}/fees',
  operationId: 'listUserFees',
  summary: "A user's fines and fees, with their transactions; total_sum is the remaining balance of all that match",
  tags,
  moduleId: FINES_MODULE,
  permission: can.feeRead,
  params: userPathParams,
  query: z.object({
    user_id_type: userIdType,
    status: statusParam,
    limit: z.coerce.number().int().min(0).max(100).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
  responses: { 200: { description: 'The fees' }, 404: { description: 'No such user (401861 or 401890)' } },
  async handle(request) {
    const context = await contextOf(request);
    const { query } = request;
    const page = await request.services.get(feeOperationsRef).list(request, {
      userId: context.userId,
      ...(query.status ? { status: statusOfAlma(query.status) } : {}),
      offset: query.offset,
      limit: Math.max(query.limit, 1),
    });
    const fees = query.limit === 0 ? [] : page.fees;
    return {
      status: 200,
      body: {
        fee: await feeDocuments(request, context, fees),
        total_record_count: page.total,
        total_sum: Number(page.filteredTotal),
        currency: page.currency,
      },
      xmlRoot: 'fees',
    };
  },
});

/** POST /users/{user_id}/fees: adds a fine or fee by hand. */
export const createFeeRoute = defineRestRoute({
  method: 'POST',
  path: '/users/{user_id}/fees',
  operationId: 'createUserFee',
  summary:
    'Add a fine or fee: type (a type allowed for manual creation), owner (the institution or, where the type allows it, a library), original_amount, optional comment, barcode and title',
  tags,
  moduleId: FINES_MODULE,
  permission: can.feeCreate,
  params: userPathParams,
  query: z.object({ user_id_type: userIdType }),
  body: almaFeeBody,
  responses: { 200: { description: 'The fee added' }, 400: { description: 'Invalid input, naming the field' } },
  async handle(request) {
    const context = await contextOf(request);
    const { body, institution } = request;
    const owner = body.owner?.value;
    const fee = await request.services
      .get(feeOperationsRef)
      .add(actorOf(request), {
        userId: context.userId,
        type: body.type.value,
        amount: String(body.original_amount),
        ...(owner && owner !== institution.code ? { ownerLibrary: owner } : {}),
        ...(body.barcode?.value ? { itemBarcode: body.barcode.value } : {}),
        ...(body.title ? { itemTitle: body.title } : {}),
        ...(body.comment ? { comment: body.comment } : {}),
      })
      .catch((error: unknown) => {
        throw error instanceof ValidationError ? inAlmaNames(error, { amount: 'original_amount' }) : error;
      });
    return oneFee(request, context, fee);
  },
});

/** GET /users/{user_id}/fees/{fee_id}. */
export const getFeeRoute = defineRestRoute({
  method: 'GET',
  path: '/users/{user_id}/fees/{fee_id}',
  operationId: 'getUserFee',
  summary: 'One fine or fee of a user, with its transactions',
  tags,
  moduleId: FINES_MODULE,
  permission: can.feeRead,
  params: feePathParams,
  query: z.object({ user_id_type: userIdType }),
  responses: { 200: { description: 'The fee' }, 404: { description: 'No such user or fee' } },
  async handle(request) {
    const context = await contextOf(request);
    return oneFee(request, context, await userFee(request, context.userId));
  },
});

const opParams = {
  user_id_type: userIdType,
  op: z.enum(['pay', 'waive', 'dispute', 'restore']),
  amount: z.string().max(40).optional(),
  method: z.string().max(255).optional(),
  reason: z.string().max(255).optional(),
  comment: z.string().max(2000).optional(),
  external_transaction_id: z.string().max(255).optional(),
};
type Op = z.infer<typeof opParams.op>;

/** The parameters each operation takes; any other one sent is refused by name rather than ignored. */
const paramsOf: Readonly<Record<Op, readonly string[]>> = {
  pay: ['amount', 'method', 'comment', 'external_transaction_id'],
  waive: ['amount', 'reason', 'comment'],
  dispute: ['comment'],
  restore: ['comment'],
};

function refuseOtherParams(op: Op, query: Record<string, unknown>) {
  const extra = ['amount', 'method', 'reason', 'comment', 'external_transaction_id'].filter(
    (name) => query[name] !== undefined && !paramsOf[op].includes(name),
  );
  if (extra.length)
    throw new ValidationError(extra.map((field) => ({ field, message: `is not a parameter of op=${op}` })));
}

const required = (value: string | undefined, field: string): string => {
  if (value === undefined || value.trim() === '') throw ValidationError.of(field, 'is required');
  return value;
};

/** POST /users/{user_id}/fees/{fee_id}?op=pay|waive|dispute|restore. */
export const feeActionRoute = defineRestRoute({
  method: 'POST',
  path: '/users/{user_id}/fees/{fee_id}',
  operationId: 'actOnUserFee',
  summary:
    'Pay (amount, method, external_transaction_id, comment), waive (amount, reason, comment), dispute or restore (comment) a fee',
  tags,
  moduleId: FINES_MODULE,
  permission: can.feeRead,
  params: feePathParams,
  query: z.object(opParams),
  responses: {
    200: { description: 'The fee after the action' },
    400: { description: 'Invalid input, or an action the fee does not allow' },
    403: { description: "The key lacks the action's permission" },
    404: { description: 'No such user or fee' },
  },
  async handle(request) {
    const { query } = request;
    refuseOtherParams(query.op, query);
    const permission = { pay: can.feePay, waive: can.feeWaive, dispute: can.feeDispute, restore: can.feeDispute }[
      query.op
    ];
    requirePermission(request, permission, `${query.op} fees`);
    const context = await contextOf(request);
    const fee = await userFee(request, context.userId);
    const operations = request.services.get(feeOperationsRef);
    const by = actorOf(request);
    const comment = query.comment === undefined ? {} : { comment: query.comment };
    const done =
      query.op === 'pay'
        ? await operations.pay(by, {
            id: fee.id,
            amount: required(query.amount, 'amount'),
            method: required(query.method, 'method'),
            ...(query.external_transaction_id ? { externalTransactionId: query.external_transaction_id } : {}),
            ...comment,
          })
        : query.op === 'waive'
          ? await operations.waive(by, {
              id: fee.id,
              amount: required(query.amount, 'amount'),
              reason: required(query.reason, 'reason'),
              ...comment,
            })
          : await operations[query.op](by, { id: fee.id, ...comment });
    return oneFee(request, context, done);
  },
});

/** POST /users/{user_id}/fees/all?op=pay&amount=ALL: pays everything the user owes. */
export const payAllFeesRoute = defineRestRoute({
  method: 'POST',
  path: '/users/{user_id}/fees/all',
  operationId: 'payAllUserFees',
  summary: 'Pay every fee of the user in full: op=pay and amount=ALL, with method, external_transaction_id and comment',
  tags,
  moduleId: FINES_MODULE,
  permission: can.feePay,
  params: userPathParams,
  query: z.object({
    user_id_type: userIdType,
    op: z.literal('pay'),
    amount: z.literal('ALL'),
    method: z.string().max(255),
    comment: z.string().max(2000).optional(),
    external_transaction_id: z.string().max(255).optional(),
  }),
  responses: { 200: { description: 'The fees paid' }, 400: { description: 'Invalid input, naming the field' } },
  async handle(request) {
    const context = await contextOf(request);
    const { query } = request;
    const paid = await request.services.get(feeOperationsRef).payAll(actorOf(request), {
      userId: context.userId,
      method: query.method,
      ...(query.external_transaction_id ? { externalTransactionId: query.external_transaction_id } : {}),
      ...(query.comment === undefined ? {} : { comment: query.comment }),
    });
    return {
      status: 200,
      body: {
        fee: await feeDocuments(request, context, paid.fees),
        total_record_count: paid.fees.length,
        total_sum: Number(paid.total),
        currency: paid.currency,
      },
      xmlRoot: 'fees',
    };
  },
});
