/** The id institutions enable the module by; also its tRPC router's key. */
export const FINES_MODULE = 'fines';

/** Permissions of the fines module: one per kind of action. */
export const finesPermissions = {
  feeRead: 'fines.fee.read',
  feeCreate: 'fines.fee.create',
  feePay: 'fines.fee.pay',
  feeWaive: 'fines.fee.waive',
  feeDispute: 'fines.fee.dispute',
  feeLink: 'fines.fee.link',
  feeTransfer: 'fines.fee.transfer',
  feeRefund: 'fines.fee.refund',
} as const;
