// What other modules and the browser may use of the fines module: ids, permissions, schemas, events, services.
export { FINES_MODULE, finesPermissions } from './fines-module.js';
export { feeTypeConfig, type FeeTypeConfig, finesConfigSchema, type FinesConfig } from './fines-config.schema.js';
export * from './fee.schema.js';
export { finesEvents, eventOfAction, type FeeEventPayload } from './fines-events.js';
export {
  finesServices,
  type BalanceSummary,
  type DebtStanding,
  type FeeBalances,
  type UserBalances,
} from './fines-services.js';
export { finesExtensionPoints, type AccruedFinesSource, type LinkedLoanSource } from './fines-extension-points.js';
