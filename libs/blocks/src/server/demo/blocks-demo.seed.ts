import { NotFoundError, type ServiceContainer, tenancyServices } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import type { BlockCaller } from '../block-caller.js';
import { blockOperationsRef } from '../block-operations.js';

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Gives two demo patrons manual blocks through the blocks operations: the first an active block and an expired
 * one, the fourth one owned by the first library and ending in two weeks. Idempotent: when the first patron has
 * blocks already, nothing is added. Needs the users demo and the blocks module enabled with its default types.
 */
export async function seedBlocksDemo(services: ServiceContainer, institutionId: string): Promise<{ blocks: number }> {
  const institutions = services.get(tenancyServices.institutions);
  const institution = await institutions.findById(institutionId);
  if (!institution) throw new NotFoundError('institution');
  const userIdOf = async (primaryId: string) => {
    const found = await services.get(usersServices.users).findByIdentifier(institutionId, primaryId);
    if (!found) throw new NotFoundError(`demo patron ${primaryId}`);
    return found.user.id;
  };
  const blocks = services.get(blockOperationsRef);
  const by: BlockCaller = {
    institution,
    principal: { displayName: 'Demo seed', libraryScope: { all: true, libraryIds: new Set() } },
  };
  const first = await userIdOf('s1000101');
  if ((await blocks.list(by, { userId: first })).manual.length > 0) return { blocks: 0 };

  const library = (await institutions.listLibraries(institutionId))[0];
  await blocks.add(by, {
    userId: first,
    type: 'GENERAL',
    description: 'Library card returned by the post office: address to confirm',
    note: 'Ask for a proof of address at the desk',
  });
  await blocks.add(by, {
    userId: first,
    type: 'LOST_CARD',
    description: 'Card reported lost',
    expiryDate: dayOffset(-30),
  });
  await blocks.add(by, {
    userId: await userIdOf('s1000104'),
    type: 'OVERDUE_ITEMS',
    description: 'Three items overdue more than 60 days',
    expiryDate: dayOffset(14),
    ownerLibrary: library?.code,
  });
  return { blocks: 3 };
}
