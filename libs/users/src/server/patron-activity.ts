import { coreServices, type ServiceContainer, tenancyServices } from '@ulms/platform';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { fromIsoDate, todayIn } from './dates.js';
import { USERS_MODULE } from './users-module.js';

/** The activities the reference lists as moving the date; paying, cancelling and purchase requests do not. */
const COUNTED = new Set(['request', 'loan', 'return', 'renewal', 'portalUpdate']);

/** Moves a user's last patron activity date, when the institution records it. Never part of the history. */
export async function recordPatronActivity(
  services: ServiceContainer,
  event: { institutionId: string; userId: string; activity: string; at: Date },
): Promise<void> {
  if (!COUNTED.has(event.activity)) return;
  const config = await services.get(tenancyServices.modules).config<UsersConfig>(event.institutionId, USERS_MODULE);
  if (!config.recordLastPatronActivity) return;
  const institution = await services.get(tenancyServices.institutions).findById(event.institutionId);
  if (!institution) return;
  await services.get(coreServices.prisma).user.updateMany({
    where: { id: event.userId, institutionId: event.institutionId },
    data: { lastPatronActivityDate: fromIsoDate(todayIn(institution.timeZone, event.at)) },
  });
}

/** Switching the feature off deletes the date of every user of the institution (the reference's privacy rule). */
export async function forgetPatronActivityWhenSwitchedOff(
  services: ServiceContainer,
  event: { institutionId: string; moduleId: string; config: unknown; previousConfig: unknown },
): Promise<void> {
  if (event.moduleId !== USERS_MODULE) return;
  const wasOn = (event.previousConfig as UsersConfig | null)?.recordLastPatronActivity === true;
  const isOn = (event.config as UsersConfig | null)?.recordLastPatronActivity === true;
  if (!wasOn || isOn) return;
  await services.get(coreServices.prisma).user.updateMany({
    where: { institutionId: event.institutionId, lastPatronActivityDate: { not: null } },
    data: { lastPatronActivityDate: null },
  });
}
