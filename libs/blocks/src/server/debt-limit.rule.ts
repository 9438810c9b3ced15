import type { FeeBalances } from '@ulms/fines/contracts';
import type { BlockRule } from '../contracts/blocks-extension-points.js';

/**
 * Blocks borrowing for a user who owes their user group's debt limit or more, as the fines module counts it (the
 * active balance: disputed fees and accrued fines left out).
 */
export const debtLimitRule = (balances: FeeBalances): BlockRule => ({
  id: 'blocks.debt-limit',
  title: 'Debt limit per user group',
  description:
    "Blocks borrowing when the user's active balance (disputed fees and accrued fines left out) reaches their " +
    "user group's debt limit, set in the fines and fees configuration.",
  effects: { borrowing: true, renewals: false, requests: false },
  async blocked({ institutionId, users }) {
    const standings = await balances.debtOf(
      institutionId,
      users.map((u) => ({ id: u.id, userGroup: u.userGroup })),
    );
    return new Map(
      [...standings]
        .filter(([, standing]) => standing.limitReached)
        .map(([userId, s]) => [
          userId,
          `owes ${s.owed} ${s.currency}, at or above the debt limit of ${s.limit} ${s.currency}`,
        ]),
    );
  },
});
