import { coreServices, NotFoundError, type ServiceContainer } from '@ulms/platform';
import { usersServices } from '@ulms/users/contracts';
import { lettersServices } from '../../contracts/letters-services.js';
import { generalMail } from '../letter-types/letters-letter-types.js';

/**
 * Two General mails to demo patrons, so the outbox and their Letters tabs show something. Without an SMTP server
 * configured they stay in the outbox (held). Idempotent: a patron who has letters gets no more.
 */
export async function seedLettersDemo(services: ServiceContainer, institutionId: string): Promise<{ letters: number }> {
  const letters = services.get(lettersServices.letters);
  const by = { institutionId, actor: 'Demo seed' };
  let queued = 0;
  for (const [primaryId, subject, body] of [
    [
      's1000101',
      'Your library card is ready',
      'Dear reader,\nyour new library card is ready at the Main Library desk.',
    ],
    ['s1000102', 'Welcome to the library', 'Welcome!\nYou can borrow up to 30 items at a time.'],
  ] as const) {
    const found = await services.get(usersServices.users).findByIdentifier(institutionId, primaryId);
    if (!found) throw new NotFoundError(`demo patron ${primaryId}`);
    const userId = found.user.id;
    if ((await services.get(coreServices.prisma).letterOutbox.count({ where: { institutionId, userId } })) > 0)
      continue;
    const outcome = await letters.send(by, { letterTypeId: generalMail.id, userId, data: { subject, body } });
    if (outcome.status === 'queued') queued += 1;
  }
  return { letters: queued };
}
