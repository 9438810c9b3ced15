import { Decimal } from 'decimal.js';

/** What was paid on a fee and not yet refunded, from its ledger. */
export const refundableIn = (ledger: readonly { action: string; amount: { toString(): string } }[]): Decimal =>
  ledger.reduce((sum, entry) => {
    if (entry.action === 'PAY') return sum.plus(entry.amount.toString());
    if (entry.action === 'REFUND') return sum.minus(entry.amount.toString());
    return sum;
  }, new Decimal(0));
