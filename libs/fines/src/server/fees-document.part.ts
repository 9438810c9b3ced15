import type { UserDocumentPart } from '@ulms/users/contracts';
import type { FeeBalances } from '../contracts/fines-services.js';

/** `expand=fees` on the Alma user document: what the user owes now (the active balance) and where the fees are. */
export const feesDocumentPart = (balances: FeeBalances): UserDocumentPart => ({
  id: 'fines.fees',
  field: 'fees',
  expandOnly: true,
  async read({ institutionId, userId, userUrl }) {
    const balance = (await balances.balancesOf(institutionId, [userId])).get(userId);
    return { value: Number(balance?.active ?? 0), link: `${userUrl}/fees` };
  },
});
