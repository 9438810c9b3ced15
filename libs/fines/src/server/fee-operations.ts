import { createServiceRef } from '@ulms/platform';
import type { FeeBalances } from '../contracts/fines-services.js';
import { createFeeAddOperations } from './fee-add.operations.js';
import { createFeeBursarOperations } from './fee-bursar.operations.js';
import { createFeeDisputeOperations } from './fee-dispute.operations.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { createFeePaymentOperations } from './fee-payment.operations.js';
import { createFeeReadOperations } from './fee-read.operations.js';
import { createFeeWaiveOperations } from './fee-waive.operations.js';

/** Every operation on fees, each validating its own input and running in its own transaction. */
export function createFeeOperations(deps: FeeOperationsDeps & { balances: FeeBalances }) {
  return {
    ...createFeeReadOperations(deps),
    ...createFeeAddOperations(deps),
    ...createFeePaymentOperations(deps),
    ...createFeeWaiveOperations(deps),
    ...createFeeDisputeOperations(deps),
    ...createFeeBursarOperations(deps),
  };
}
export type FeeOperations = ReturnType<typeof createFeeOperations>;

/** The module's own service behind its procedures; other modules use `finesServices` from the contracts. */
export const feeOperationsRef = createServiceRef<FeeOperations>({ id: 'fines.operations' });
