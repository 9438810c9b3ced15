import { defaultRestError, type RestContribution, ValidationError } from '@ulms/platform';
import { inAlmaNames } from './alma-fee-errors.js';
import { createFeeRoute, feeActionRoute, getFeeRoute, listFeesRoute, payAllFeesRoute } from './alma-fees.routes.js';

/** The fines module's part of the Alma-format REST API. */
export const finesHttp: RestContribution = {
  routes: [listFeesRoute, createFeeRoute, payAllFeesRoute, getFeeRoute, feeActionRoute],
  xmlShape: { attributes: { fees: ['total_record_count', 'total_sum', 'currency'] } },
  mapError: (error) => (error instanceof ValidationError ? defaultRestError(inAlmaNames(error)) : undefined),
};
