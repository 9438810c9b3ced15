import type { FeeDto } from '../contracts/fee.schema.js';
import type { FeeActor } from './fee-actor.js';
import type { FeeOperationsDeps } from './fee-operations.deps.js';
import { toFeeDto } from './fee.mapper.js';
import type { FeeRow } from './fee.rows.js';

/** Fees as shown to `by`: in its institution's currency, with their owner libraries' codes. */
export async function feeDtos(deps: FeeOperationsDeps, by: Pick<FeeActor, 'institution'>, rows: readonly FeeRow[]) {
  const libraries = await deps.libraries(by.institution.id);
  return rows.map((row): FeeDto => toFeeDto(row, by.institution.defaultCurrency, libraries));
}

export async function feeDto(deps: FeeOperationsDeps, by: Pick<FeeActor, 'institution'>, row: FeeRow) {
  const [dto] = await feeDtos(deps, by, [row]);
  return dto as FeeDto;
}
