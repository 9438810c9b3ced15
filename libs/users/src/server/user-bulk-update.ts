import type { Prisma, PrismaClient } from '@prisma/client';
import type { EnabledExtensions, ModuleService, Transactions } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import {
  historyFields,
  type ProtectedExternalField,
  protectedExternalFields,
  type RecordType,
  recordTypes,
} from '../contracts/user-codes.js';
import type { BulkChanges, BulkOutcome, UserBulkUpdater } from '../contracts/user-bulk-updater.js';
import { usersEvents } from '../contracts/users-events.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';
import type { CodeTableService } from '../contracts/code-table-service.js';
import { fromIsoDate, toIsoDate } from './dates.js';
import { ADMINISTRATOR_ROLE } from './last-administrator.guard.js';
import type { UserChangeActor } from '../contracts/service-callers.js';

// Moved to the contracts; kept here for those who import them from here.
export type { BulkChanges, BulkOutcome, UserBulkUpdater } from '../contracts/user-bulk-updater.js';

type ChangedField = keyof BulkChanges;

const CODE_TABLE_OF = { userGroup: 'USER_GROUP', jobCategory: 'JOB_CATEGORY', campusCode: 'CAMPUS' } as const;
const LABELS = { userGroup: 'user group', jobCategory: 'job category', campusCode: 'campus' } as const;
const SIS_OWNED = new Set<ChangedField>(['status', 'expiryDate', 'purgeDate']);
const DATE_FIELDS = new Set<ChangedField>(['expiryDate', 'purgeDate']);

/**
 * Applies one change to many users set by set, with the rules a single edit applies to those fields:
 * code tables and record types, the SIS's ownership of an external user's fields, local overrides of
 * protected fields, the History tab and the user.updated events. Returns null when rules that need the
 * whole record apply (institution validators, an administrator deactivated or expired): the caller then saves one by one.
 */
export function createUserBulkUpdater(deps: {
  prisma: PrismaClient;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  extensions: EnabledExtensions;
}): UserBulkUpdater {
  const { prisma } = deps;

  const needsWholeRecord = async (institutionId: string, userIds: readonly string[], changes: BulkChanges) => {
    const validators = await deps.extensions.for(usersExtensionPoints.validators, institutionId);
    if (validators.length > 0) return true;
    // Deactivating or expiring an administrator is saved one by one, where the last one is kept.
    if (!('status' in changes || 'expiryDate' in changes)) return false;
    const administrators = await prisma.userRole.count({
      where: { institutionId, userId: { in: [...userIds] }, role: ADMINISTRATOR_ROLE, scope: null },
    });
    return administrators > 0;
  };

  return {
    async bulkUpdate(
      by: UserChangeActor,
      userIds: readonly string[],
      changes: BulkChanges,
    ): Promise<BulkOutcome | null> {
      const { institutionId } = by;
      if (await needsWholeRecord(institutionId, userIds, changes)) return null;
      const lookups = await deps.codeTables.lookups(institutionId);
      const fields = Object.keys(changes) as ChangedField[];
      const rows = await prisma.user.findMany({
        where: { id: { in: [...userIds] }, institutionId },
        select: {
          id: true,
          recordType: true,
          accountType: true,
          status: true,
          userGroup: true,
          jobCategory: true,
          campusCode: true,
          expiryDate: true,
          purgeDate: true,
          overrides: { select: { field: true, sisValue: true } },
        },
      });
      const valueOf = (row: (typeof rows)[number], field: ChangedField): string | null =>
        DATE_FIELDS.has(field) ? toIsoDate(row[field as 'expiryDate']) : (row[field as 'status'] as string | null);

      const failed = new Map<string, FieldError[]>();
      const accepted: typeof rows = [];
      for (const row of rows) {
        const errors: FieldError[] = [];
        for (const field of fields) {
          const table = CODE_TABLE_OF[field as keyof typeof CODE_TABLE_OF];
          const value = changes[field];
          if (table && typeof value === 'string') {
            const allowed = lookups.codeAllows(table, value);
            const label = LABELS[field as keyof typeof LABELS];
            if (!allowed) errors.push({ field, message: `"${value}" is not a ${label} of this institution` });
            else if (allowed.length && !allowed.includes(row.recordType as RecordType)) {
              errors.push({
                field,
                message: `${label} "${value}" is not allowed for ${recordTypes[row.recordType as RecordType]} users`,
              });
            }
          }
          if (row.accountType === 'EXTERNAL' && SIS_OWNED.has(field) && valueOf(row, field) !== (value ?? null)) {
            errors.push({ field, message: 'is managed by the SIS; use Open for Update to change it' });
          }
        }
        if (errors.length) failed.set(row.id, errors);
        else accepted.push(row);
      }

      const now = new Date();
      const data: Prisma.UserUpdateManyMutationInput = {
        ...Object.fromEntries(
          fields.map((f) => [f, DATE_FIELDS.has(f) ? fromIsoDate(changes[f] as string | null) : changes[f]]),
        ),
        updatedAt: now,
        updatedBy: by.actor,
        lastUpdatedByJob: by.job ?? null,
        version: { increment: 1 },
      };
      const history = accepted.flatMap((row) =>
        fields
          .filter((f) => f in historyFields && valueOf(row, f) !== (changes[f] ?? null))
          .map((field) => ({
            institutionId,
            userId: row.id,
            field,
            oldValue: valueOf(row, field),
            newValue: (changes[field] as string | null) ?? null,
            actorKind: by.actorKind ?? 'job',
            actor: by.actor,
            at: now,
          })),
      );
      const overrides = accepted
        .filter((row) => row.accountType === 'EXTERNAL')
        .flatMap((row) =>
          fields
            .filter(
              (f) =>
                (protectedExternalFields as readonly string[]).includes(f) && valueOf(row, f) !== (changes[f] ?? null),
            )
            .map((field) => {
              const existing = row.overrides.find((o) => o.field === field);
              const sisValue = existing ? existing.sisValue : valueOf(row, field);
              return {
                row,
                field: field as ProtectedExternalField,
                sisValue,
                backToSis: sisValue === (changes[field] ?? null),
              };
            }),
        );
      const statusChanged =
        'status' in changes ? accepted.filter((r) => r.status !== changes.status).map((r) => r.id) : [];

      await deps.transactions.run(async ({ tx, raise }) => {
        await tx.user.updateMany({ where: { id: { in: accepted.map((r) => r.id) } }, data });
        if (statusChanged.length)
          await tx.user.updateMany({ where: { id: { in: statusChanged } }, data: { statusDate: now } });
        if (history.length) await tx.userHistoryEntry.createMany({ data: history });
        if (overrides.length) {
          await tx.userFieldOverride.deleteMany({
            where: { OR: overrides.map((o) => ({ userId: o.row.id, field: o.field })) },
          });
          const kept = overrides.filter((o) => !o.backToSis);
          if (kept.length) {
            await tx.userFieldOverride.createMany({
              data: kept.map((o) => ({
                institutionId,
                userId: o.row.id,
                field: o.field,
                sisValue: o.sisValue as Prisma.InputJsonValue,
                createdBy: by.actor,
              })),
            });
          }
        }
        for (const row of accepted) {
          raise(usersEvents.userUpdated, {
            institutionId,
            userId: row.id,
            actor: by.actor,
            changedFields: fields.filter((f) => valueOf(row, f) !== (changes[f] ?? null)),
          });
        }
      });
      return { updated: accepted.map((r) => r.id), failed };
    },
  };
}
