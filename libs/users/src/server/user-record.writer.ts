import type { Prisma } from '@prisma/client';
import type { UserFields } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersEvents } from '../contracts/users-events.js';
import type { UserChangeActor } from '../contracts/service-callers.js';
import type { OverrideChanges } from './external-account.rules.js';
import type { PrimaryIdGeneration } from './primary-id-generation.js';
import { StaleVersionError } from './stale-version.error.js';
import { administersInstitution, guardLastAdministrator } from './last-administrator.guard.js';
import { historyChanges } from './user-history.js';
import { type CheckedReplacement, replaceUserParts } from './user-parts-replacement.js';
import type { UserRecordLoader } from './user-record.loader.js';
import { toUserDto, userChildRows, userColumns, type UserRecordRow } from './user-record.mapper.js';
import type { UserServiceDeps } from './user-service.deps.js';

/** What a save writes besides the fields: the PIN's hash, the password, override changes, notes and statistics. */
export interface UserWriteExtra {
  secrets: Record<string, string | null>;
  /** A new password (null removes it), kept by the kernel's credentials; undefined leaves it as it is. */
  password?: string | null;
  overrideChanges: OverrideChanges;
  parts?: CheckedReplacement;
  expectedVersion?: number;
}

/** Writes the user and its lists, its overrides and history, and raises the event; in one transaction. */
export type UserRecordWriter = (
  by: UserChangeActor,
  fields: UserFields,
  existing: UserRecordRow | null,
  config: UsersConfig,
  extra: UserWriteExtra,
) => Promise<string>;

export function createUserRecordWriter(
  deps: Pick<UserServiceDeps, 'transactions' | 'credentials'> & {
    loadRow: UserRecordLoader['loadRow'];
    generatePrimaryId: PrimaryIdGeneration;
  },
): UserRecordWriter {
  const { transactions, credentials, loadRow, generatePrimaryId } = deps;
  return async (by, fields, existing, config, extra) => {
    const { institutionId } = by;
    const now = new Date();
    const audit = {
      updatedBy: by.actor,
      updatedAt: now,
      lastUpdatedByJob: by.job ?? null,
    };
    // Only a change to a record that administers the institution may leave it without an administrator.
    const mayRemoveAdministrator = existing !== null && administersInstitution(toUserDto(existing));
    return transactions.run(async ({ tx, raise }) => {
      const checkAdministrators = mayRemoveAdministrator ? await guardLastAdministrator(tx, institutionId) : null;
      const primaryId = fields.primaryId ?? (await generatePrimaryId(tx, institutionId, fields, config));
      const complete = { ...fields, primaryId };
      const columns = userColumns(complete);
      let userId: string;
      if (existing) {
        userId = existing.id;
        const statusChanged = existing.status !== columns.status;
        const { count } = await tx.user.updateMany({
          where: {
            id: userId,
            ...(extra.expectedVersion !== undefined ? { version: extra.expectedVersion } : {}),
          },
          data: {
            ...columns,
            ...extra.secrets,
            ...audit,
            ...(statusChanged ? { statusDate: now } : {}),
            version: { increment: 1 },
          },
        });
        if (count === 0) throw new StaleVersionError();
        await tx.userIdentifier.deleteMany({ where: { userId } });
        await tx.userEmail.deleteMany({ where: { userId } });
        await tx.userAddress.deleteMany({ where: { userId } });
        await tx.userPhone.deleteMany({ where: { userId } });
        await tx.userRole.deleteMany({ where: { userId } });
      } else {
        ({ id: userId } = await tx.user.create({
          data: {
            ...columns,
            ...extra.secrets,
            ...audit,
            institutionId,
            createdBy: by.actor,
            createdAt: now,
            statusDate: now,
          },
          select: { id: true },
        }));
      }
      const children = userChildRows(institutionId, userId, complete);
      await tx.userIdentifier.createMany({ data: children.identifiers });
      if (children.emails.length) await tx.userEmail.createMany({ data: children.emails });
      if (children.addresses.length) await tx.userAddress.createMany({ data: children.addresses });
      if (children.phones.length) await tx.userPhone.createMany({ data: children.phones });
      if (children.roles.length) await tx.userRole.createMany({ data: children.roles });
      if (extra.parts) await replaceUserParts(tx, by, { id: userId, recordType: fields.recordType }, extra.parts, now);
      const owner = { id: userId, institutionId, loginName: primaryId };
      if (fields.accountType !== 'INTERNAL' && existing?.credential?.hasPassword) {
        // People who sign in through the institution's provider or directory have no password here.
        await credentials.setPassword(owner, null, { tx });
      } else if (extra.password !== undefined) {
        await credentials.setPassword(owner, extra.password, { mustChange: fields.forcePasswordChange, tx });
      } else if (fields.forcePasswordChange !== (existing?.credential?.mustChangePassword ?? false)) {
        await credentials.setMustChangePassword(userId, fields.forcePasswordChange, tx);
      }

      if (extra.overrideChanges.drop.size) {
        await tx.userFieldOverride.deleteMany({
          where: { userId, field: { in: [...extra.overrideChanges.drop] } },
        });
      }
      for (const [field, sisValue] of extra.overrideChanges.set) {
        await tx.userFieldOverride.upsert({
          where: { userId_field: { userId, field } },
          create: {
            institutionId,
            userId,
            field,
            sisValue: sisValue as Prisma.InputJsonValue,
            createdBy: by.actor,
          },
          update: { sisValue: sisValue as Prisma.InputJsonValue },
        });
      }

      if (existing) {
        const before = toUserDto(existing);
        const after = toUserDto(await loadRow(institutionId, userId, tx));
        const changes = historyChanges(before, after, {
          pinChanged: 'pinNumberHash' in extra.secrets,
          passwordChanged: extra.password !== undefined,
        });
        if (changes.length) {
          await tx.userHistoryEntry.createMany({
            data: changes.map((c) => ({
              ...c,
              institutionId,
              userId,
              actor: by.actor,
              actorKind: by.actorKind ?? 'staff',
              at: now,
            })),
          });
        }
        raise(usersEvents.userUpdated, {
          institutionId,
          userId,
          actor: by.actor,
          changedFields: changes.map((c) => c.field),
        });
      } else {
        raise(usersEvents.userCreated, {
          institutionId,
          userId,
          actor: by.actor,
        });
      }
      await checkAdministrators?.();
      return userId;
    });
  };
}
