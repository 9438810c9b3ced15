import { type ServiceContainer, toXml } from '@ulms/platform';
import type { PersonalDataService } from '../contracts/personal-data-service.js';
import { usersServices } from '../server/users-services.js';
import {
  almaAttachment,
  almaContextOf,
  almaNote,
  almaStatistic,
  fullAlmaUser,
  userLink,
} from './alma-user-document.js';
import { almaXmlShape } from '../contracts/alma-xml-shape.js';

export function createPersonalDataService(services: () => ServiceContainer): PersonalDataService {
  return {
    async document({ institution, principal }, user, baseUrl) {
      const container = services();
      const parts = container.get(usersServices.parts);
      const [context, notes, statistics, attachments] = await Promise.all([
        almaContextOf(container, institution),
        parts.listNotes({ institution, principal }, user.id),
        parts.listStatistics({ institution, principal }, user.id),
        parts.listAttachments(institution.id, user.id),
      ]);
      const json = {
        ...fullAlmaUser(user, context, baseUrl),
        user_note: notes.map(almaNote),
        user_statistic: statistics.map((s) => almaStatistic(s, context)),
        user_attachment: attachments.map((a) => almaAttachment(a, userLink(baseUrl, user))),
      };
      return { json, xml: toXml('user', json as never, almaXmlShape), attachments };
    },
  };
}
