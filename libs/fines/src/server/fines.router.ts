import { type InstitutionRef, type Principal, protectedProcedure } from '@ulms/platform';
import {
  addFeeInput,
  balancesInput,
  creditFeeInput,
  disputeFeeInput,
  feeIdInput,
  linkItemInput,
  listFeesInput,
  payAllInput,
  payFeeInput,
  refundFeeInput,
  transferFeeInput,
  waiveAllInput,
  waiveFeeInput,
  waiveSelectedInput,
} from '../contracts/fee.schema.js';
import { FINES_MODULE, finesPermissions as can } from '../contracts/fines-module.js';
import type { FeeActor } from './fee-actor.js';
import { feeOperationsRef } from './fee-operations.js';

const actorOf = (institution: InstitutionRef, principal: Principal): FeeActor => ({
  institution,
  actor: principal.displayName,
});

const read = protectedProcedure(FINES_MODULE, can.feeRead);
const create = protectedProcedure(FINES_MODULE, can.feeCreate);
const pay = protectedProcedure(FINES_MODULE, can.feePay);
const waive = protectedProcedure(FINES_MODULE, can.feeWaive);
const dispute = protectedProcedure(FINES_MODULE, can.feeDispute);
const link = protectedProcedure(FINES_MODULE, can.feeLink);
const transfer = protectedProcedure(FINES_MODULE, can.feeTransfer);
const refund = protectedProcedure(FINES_MODULE, can.feeRefund);

/** A user's fines and fees: the list and balances, and every action on them. */
export const finesRouter = {
  list: read.input(listFeesInput).query(({ ctx, input }) => ctx.services.get(feeOperationsRef).list(ctx, input)),
  get: read.input(feeIdInput).query(({ ctx, input }) => ctx.services.get(feeOperationsRef).get(ctx, input)),
  balances: read
    .input(balancesInput)
    .query(({ ctx, input }) => ctx.services.get(feeOperationsRef).balances(ctx, input)),
  /** The institution's settings, defaults filled in: the types, waive reasons and payment methods the screens offer. */
  config: read.query(({ ctx }) => ctx.services.get(feeOperationsRef).configOf(ctx)),
  add: create
    .input(addFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).add(actorOf(ctx.institution, ctx.principal), input),
    ),
  credit: create
    .input(creditFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).credit(actorOf(ctx.institution, ctx.principal), input),
    ),
  pay: pay
    .input(payFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).pay(actorOf(ctx.institution, ctx.principal), input),
    ),
  payAll: pay
    .input(payAllInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).payAll(actorOf(ctx.institution, ctx.principal), input),
    ),
  waive: waive
    .input(waiveFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).waive(actorOf(ctx.institution, ctx.principal), input),
    ),
  waiveSelected: waive
    .input(waiveSelectedInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).waiveSelected(actorOf(ctx.institution, ctx.principal), input),
    ),
  waiveAll: waive
    .input(waiveAllInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).waiveAll(actorOf(ctx.institution, ctx.principal), input),
    ),
  dispute: dispute
    .input(disputeFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).dispute(actorOf(ctx.institution, ctx.principal), input),
    ),
  restore: dispute
    .input(disputeFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).restore(actorOf(ctx.institution, ctx.principal), input),
    ),
  linkItem: link
    .input(linkItemInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).linkItem(actorOf(ctx.institution, ctx.principal), input),
    ),
  transfer: transfer
    .input(transferFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).transfer(actorOf(ctx.institution, ctx.principal), input),
    ),
  refund: refund
    .input(refundFeeInput)
    .mutation(({ ctx, input }) =>
      ctx.services.get(feeOperationsRef).refund(actorOf(ctx.institution, ctx.principal), input),
    ),
};
