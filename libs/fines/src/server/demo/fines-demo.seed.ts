import { NotFoundError, type ServiceContainer, tenancyServices } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import type { FeeActor } from '../fee-actor.js';
import { feeOperationsRef } from '../fee-operations.js';

/** The users demo's first students (patrons), who get the demo's fees. */
const finesDemoPatrons = ['s1000101', 's1000102', 's1000103'] as const;

/**
 * Gives three demo patrons a few fees through the fines operations, with their rules and ledger: active ones,
 * a disputed one, one paid, one waived in part and one in full, one transferred to the bursar; together above
 * the default waiving limit (100), so "Waive all" is refused for the third. Idempotent: when the first patron has
 * fees already, nothing is added. Needs the users demo and the fines module enabled with its default settings.
 */
export async function seedFinesDemo(services: ServiceContainer, institutionId: string): Promise<{ fees: number }> {
  const institution = await services.get(tenancyServices.institutions).findById(institutionId);
  if (!institution) throw new NotFoundError('institution');
  const users = services.get(usersServices.users);
  const fines = services.get(feeOperationsRef);
  const by: FeeActor = { institution, actor: 'Demo seed' };
  const userIds: string[] = [];
  for (const primaryId of finesDemoPatrons) {
    const found = await users.findByIdentifier(institutionId, primaryId);
    if (!found) throw new NotFoundError(`demo patron ${primaryId}`);
    userIds.push(found.user.id);
  }
  const [first, second, third] = userIds as [string, string, string];
  if ((await fines.list(by, { userId: first, limit: 1 })).total > 0) return { fees: 0 };

  let fees = 0;
  const add = (userId: string, type: string, amount: string, item?: { barcode: string; title: string }) => {
    fees += 1;
    return fines.add(by, { userId, type, amount, itemBarcode: item?.barcode, itemTitle: item?.title });
  };

  await add(first, 'OVERDUEFINE', '12.50', { barcode: '39000001234567', title: 'The Left Hand of Darkness' });
  await add(first, 'LOSTITEMREPLACEMENTFEE', '45.00', { barcode: '39000007654321', title: 'Gödel, Escher, Bach' });
  const disputed = await add(first, 'DAMAGEDITEMFINE', '8.00', { barcode: '39000001111111', title: 'Dune' });
  await fines.dispute(by, { id: disputed.id, comment: 'Patron says the damage was there at checkout' });
  const renewal = await add(first, 'CARDRENEWAL', '5.00');
  await fines.pay(by, { id: renewal.id, amount: '5.00', method: 'CASH' });

  const late = await add(second, 'OVERDUEFINE', '3.75', { barcode: '39000002222222', title: 'Middlemarch' });
  await fines.waive(by, { id: late.id, amount: '1.00', reason: 'LIBRARY_ERROR', comment: 'Book drop closed one day' });
  const other = await add(second, 'OTHER', '20.00');
  await fines.waive(by, { id: other.id, amount: '20.00', reason: 'PATRON_ERROR' });

  await add(third, 'LOSTITEMREPLACEMENTFEE', '95.00', { barcode: '39000003333333', title: 'Atlas of Remote Islands' });
  await add(third, 'OVERDUEFINE', '60.00', { barcode: '39000004444444', title: 'Moby-Dick' });
  const sent = await add(third, 'OTHER', '15.00');
  await fines.transfer(by, { id: sent.id, bursarTransactionId: 'BURSAR-2026-0001' });
  return { fees };
}
