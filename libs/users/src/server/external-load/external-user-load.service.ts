import type { Prisma } from '@prisma/client';
import { ConflictError, hashPassword, type UnitOfWork, verifyPassword } from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import type {
  ExternalFieldChange,
  ExternalLoadOptions,
  ExternalLoadOutcome,
  ExternalLoadPlan,
  ExternalUserLoad,
} from '../../contracts/external-user-load.js';
import { identifierKey, PRIMARY_ID_TYPE } from '../../contracts/identifiers.js';
import type { UserChangeActor } from '../../contracts/service-callers.js';
import { userDtoToFields } from '../../contracts/user-fields.js';
import type { UserFields } from '../../contracts/user.schema.js';
import { usersEvents } from '../../contracts/users-events.js';
import { usersExtensionPoints } from '../../contracts/users-extension-points.js';
import { almaFieldPath } from '../../rest/alma-field-names.js';
import { SIS_TEMP_OWNER } from '../account-type.rules.js';
import { mergeSisRecord, type OverrideChanges } from '../external-account.rules.js';
import { rolesFromRules } from '../role-assignment.rules.js';
import { type HistoryChange, historyChanges } from '../user-history.js';
import type { UserRecordLoader } from '../user-record.loader.js';
import { toUserDto, userChildRows, userColumns, type UserRecordRow } from '../user-record.mapper.js';
import { readUserRecords } from '../user-record.reader.js';
import type { UserServiceDeps } from '../user-service.deps.js';
import { repeatedIdentifierErrors, validateUserFields } from '../user-validation.js';
import { externalParts, identifierHolders, userVersions } from './external-load.reads.js';
import { deleteOwnedRows, insertRows, updateUsers } from './external-load.sql.js';
import { readExternalRecord } from './external-record.reader.js';
import { type ExternalParts, partsChanges, samePartsOf } from './external-parts.js';
import { type PreparedPart, prepareSegmentedParts } from './external-document-parts.js';
import type { DocumentParts } from '../../contracts/users-services.js';

type Complete = UserFields & { primaryId: string };

/** One user the plan creates or changes. */
interface UserWrite {
  readonly kind: 'create' | 'update';
  readonly userId: string;
  readonly row: UserRecordRow | null;
  readonly fields: Complete;
  readonly childrenChanged: boolean;
  /** The external notes and statistics to write instead of the user's, when they changed. */
  readonly parts: ExternalParts | null;
  /** A new PIN's hash; undefined leaves the PIN. */
  readonly pinHash: string | undefined;
  readonly overrideChanges: OverrideChanges;
  readonly history: readonly HistoryChange[];
  /** Other modules' segmented parts (blocks) to write. */
  readonly segmented: readonly PreparedPart[];
}

interface PlanState {
  readonly by: UserChangeActor;
  readonly writes: readonly UserWrite[];
}

const plans = new WeakMap<ExternalLoadPlan, PlanState>();

/** The lists a load replaces, and their tables. */
const LIST_TABLES = {
  identifiers: 'UserIdentifier',
  emails: 'UserEmail',
  addresses: 'UserAddress',
  phones: 'UserPhone',
} as const;

const NO_OVERRIDE_CHANGES: OverrideChanges = { set: new Map(), drop: new Set() };

/** A field error in the Alma document's words (`user_group`, `contact_info.email[0].email_address`). */
const almaError = (error: FieldError): FieldError => ({ ...error, field: almaFieldPath(error.field) });

/** The list rows of a user as stored, without ids: what decides whether a load changes them. */
const childContent = (fields: Complete) => {
  const { roles: _roles, ...lists } = userChildRows('', '', fields);
  return JSON.stringify(
    Object.values(lists).map((rows) =>
      rows.map(({ id: _id, ...row }: { id?: string } & Record<string, unknown>) => row),
    ),
  );
};

/** History reads fields as it reads a saved user: every listed field present, null when empty. */
const asHistorySubject = (fields: Complete) => fields as unknown as Parameters<typeof historyChanges>[0];

const toChange = (c: HistoryChange): ExternalFieldChange => ({ field: c.field, before: c.oldValue, after: c.newValue });

export function createExternalUserLoad(
  deps: Pick<UserServiceDeps, 'database' | 'codeTables' | 'extensions' | 'credentials'> & {
    records: Pick<UserRecordLoader, 'configOf'>;
    documentParts: DocumentParts;
  },
): ExternalUserLoad {
  const { sql } = deps.database;

  const keysOf = (fields: Complete) => [
    identifierKey(fields.primaryId),
    ...fields.identifiers.map((i) => identifierKey(i.value)),
  ];

  const matchKeyOf = (fields: Complete, options: ExternalLoadOptions): string | null => {
    if (options.match.by === 'PRIMARY_ID') return identifierKey(fields.primaryId);
    const { idType } = options.match;
    const identifier = fields.identifiers.find((i) => i.idType === idType);
    return identifier ? identifierKey(identifier.value) : null;
  };

  /** The PIN a record carries, hashed only when it differs from the user's. */
  const pinHashOf = async (fields: Complete, row: UserRecordRow | null): Promise<string | undefined> => {
    const pin = fields.pinNumber;
    if (!pin) return undefined;
    if (row?.pinNumberHash && (await verifyPassword(row.pinNumberHash, pin))) return undefined;
    return hashPassword(pin);
  };

  return {
    async plan(by, records, options) {
      const { institutionId } = by;
      const [config, lookups, validators] = await Promise.all([
        deps.records.configOf(institutionId),
        deps.codeTables.lookups(institutionId),
        deps.extensions.for(usersExtensionPoints.validators, institutionId),
      ]);
      const read = records.map((r) => ({ seq: r.seq, record: readExternalRecord(r.user, options) }));
      const holders = await identifierHolders(
        sql,
        institutionId,
        read.flatMap(({ record }) => (record.errors ? [] : keysOf(record.fields))),
      );
      const matchOf = (fields: Complete): string | null => {
        const key = matchKeyOf(fields, options);
        if (!key) return null;
        const wanted = options.match.by === 'PRIMARY_ID' ? PRIMARY_ID_TYPE : options.match.idType;
        return holders.get(key)?.find((h) => h.idType === wanted)?.userId ?? null;
      };
      const matched = [
        ...new Set(read.flatMap(({ record }) => (record.errors ? [] : [matchOf(record.fields)]))),
      ].filter((id): id is string => id !== null);
      const [rows, existingParts] = await Promise.all([
        readUserRecords(sql, institutionId, matched),
        externalParts(sql, matched),
      ]);
      const rowsById = new Map(rows.map((r) => [r.id, r]));
      const claimedInBatch = new Map<string, number>();
      let documentParts: Awaited<ReturnType<DocumentParts>> | undefined;
      const usersInBatch = new Map<string, number>();
      const outcomes: ExternalLoadOutcome[] = [];
      const writes: UserWrite[] = [];
      const reject = (seq: number, primaryId: string | null, userId: string | null, errors: FieldError[]) =>
        outcomes.push({
          seq,
          outcome: 'REJECTED',
          userId,
          primaryId,
          version: null,
          changes: [],
          errors: errors.map(almaError),
        });

      for (const { seq, record } of read) {
        if (record.errors) {
          reject(seq, record.primaryId, null, record.errors);
          continue;
        }
        const incoming = record.fields;
        if (options.match.by === 'IDENTIFIER' && !matchKeyOf(incoming, options)) {
          reject(seq, incoming.primaryId, null, [
            { field: 'user_identifier', message: `has no identifier of type ${options.match.idType} to match on` },
          ]);
          continue;
        }
        const userId = matchOf(incoming);
        const row = userId ? (rowsById.get(userId) ?? null) : null;
        const ownerErrors = row ? ownershipErrors(row, options) : [];
        if (ownerErrors.length > 0) {
          reject(seq, incoming.primaryId, row?.id ?? null, ownerErrors);
          continue;
        }
        const earlier = row ? usersInBatch.get(row.id) : undefined;
        if (earlier !== undefined) {
          reject(seq, incoming.primaryId, row?.id ?? null, [
            { field: 'primary_id', message: `the same user is record ${earlier + 1} of this batch` },
          ]);
          continue;
        }

        const existing = row ? toUserDto(row) : null;
        let fields: Complete;
        let overrideChanges = NO_OVERRIDE_CHANGES;
        if (row && existing) {
          const merged = mergeSisRecord({
            existing,
            incoming,
            overrides: new Map(row.overrides.map((o) => [o.field, o.sisValue])),
          });
          overrideChanges = merged.overrideChanges;
          fields = { ...merged.fields, primaryId: merged.fields.primaryId ?? row.primaryId };
          for (const field of options.overwriteProtected) {
            if (!overrideChanges.set.has(field)) continue;
            overrideChanges.set.delete(field);
            overrideChanges.drop.add(field);
            (fields as Record<string, unknown>)[field] = (incoming as Record<string, unknown>)[field];
          }
        } else {
          fields = { ...incoming, roles: rolesFromRules(incoming, config) };
        }

        const errors: FieldError[] = [
          ...validateUserFields(fields, config, lookups),
          ...repeatedIdentifierErrors(fields),
          ...record.statistics.flatMap((s, index) => [
            ...(lookups.codeAllows('STATISTIC_CATEGORY_TYPE', s.categoryType)
              ? []
              : [
                  {
                    field: `statistics.${index}.categoryType`,
                    message: `"${s.categoryType}" is not a statistical category type of this institution`,
                  },
                ]),
            ...(lookups.codeAllows('STATISTIC_CATEGORY', s.category)
              ? []
              : [
                  {
                    field: `statistics.${index}.category`,
                    message: `"${s.category}" is not a statistical category of this institution`,
                  },
                ]),
          ]),
          ...identifierErrors(fields, row?.id ?? null, seq),
        ];
        for (const validator of validators) {
          errors.push(...(await validator.validate(fields, { institutionId, userId: row?.id ?? null })));
        }
        const segmented = record.parts.length
          ? await prepareSegmentedParts({
              parts: (documentParts ??= await deps.documentParts(institutionId)),
              incoming: record.parts,
              institutionId,
              userId: row?.id ?? null,
            })
          : { prepared: [], errors: [] };
        errors.push(...segmented.errors);
        if (errors.length > 0) {
          reject(seq, incoming.primaryId, row?.id ?? null, errors);
          continue;
        }
        for (const key of keysOf(fields)) claimedInBatch.set(key, seq);
        if (row) usersInBatch.set(row.id, seq);

        const pinHash =
          overrideChanges.drop.has('pinNumber') || !row?.overrides.some((o) => o.field === 'pinNumber')
            ? await pinHashOf(incoming, row)
            : undefined;
        const parts = { notes: record.notes, statistics: record.statistics };
        if (!row) {
          const id = crypto.randomUUID();
          writes.push({
            kind: 'create',
            userId: id,
            row: null,
            fields,
            childrenChanged: true,
            parts,
            pinHash,
            overrideChanges,
            history: [],
            segmented: segmented.prepared,
          });
          outcomes.push({
            seq,
            outcome: 'CREATED',
            userId: id,
            primaryId: fields.primaryId,
            version: 0,
            changes: [],
            errors: [],
          });
          continue;
        }
        const before = { ...userDtoToFields(existing as NonNullable<typeof existing>), primaryId: row.primaryId };
        const columnsChanged = JSON.stringify(userColumns(before)) !== JSON.stringify(userColumns(fields));
        const childrenChanged = childContent(before) !== childContent(fields);
        const partsChanged = !samePartsOf(existingParts, row.id, parts);
        const overridesChanged = overrideChanges.set.size > 0 || overrideChanges.drop.size > 0;
        const segmentedChanges = segmented.prepared.flatMap((p) => (p.change ? [p.change] : []));
        if (
          !columnsChanged &&
          !childrenChanged &&
          !partsChanged &&
          !overridesChanged &&
          segmentedChanges.length === 0 &&
          pinHash === undefined
        ) {
          outcomes.push({
            seq,
            outcome: 'UNCHANGED',
            userId: row.id,
            primaryId: row.primaryId,
            version: row.version,
            changes: [],
            errors: [],
          });
          continue;
        }
        const history = [
          ...historyChanges(asHistorySubject(nullFilled(before)), asHistorySubject(nullFilled(fields)), {
            pinChanged: pinHash !== undefined,
            passwordChanged: false,
          }),
          ...(partsChanged ? partsChanges(existingParts, row.id, parts) : []),
          ...segmentedChanges,
        ];
        const update = updateOf(seq, row, fields, history, {
          childrenChanged,
          parts: partsChanged ? parts : null,
          pinHash,
          overrideChanges,
          segmented: segmented.prepared.filter((p) => p.change),
        });
        writes.push(update.write);
        outcomes.push(update.outcome);
      }
      const plan: ExternalLoadPlan = { outcomes, writes: writes.length };
      plans.set(plan, { by, writes });
      return plan;

      function identifierErrors(fields: Complete, userId: string | null, seq: number): FieldError[] {
        const wanted = [
          { field: 'primary_id', value: fields.primaryId },
          ...fields.identifiers.map((i, n) => ({ field: `user_identifier[${n}].value`, value: i.value })),
        ];
        return wanted.flatMap(({ field, value }) => {
          const key = identifierKey(value);
          const other = holders.get(key)?.find((h) => h.userId !== userId);
          if (other) {
            const type = other.idType === PRIMARY_ID_TYPE ? 'primary identifier' : other.idType;
            return [{ field, message: `a user with identifier of type ${type} "${value}" already exists` }];
          }
          const earlier = claimedInBatch.get(key);
          return earlier !== undefined && earlier !== seq
            ? [{ field, message: `"${value}" is also an identifier of record ${earlier + 1} of this load` }]
            : [];
        });
      }
    },

    async planRetirement(by, userIds, owner, retirement) {
      const rows = await readUserRecords(sql, by.institutionId, userIds);
      const writes: UserWrite[] = [];
      const outcomes: ExternalLoadOutcome[] = [];
      for (const row of rows) {
        if (row.accountType !== 'EXTERNAL' || row.externalId !== owner) continue;
        const before = { ...userDtoToFields(toUserDto(row)), primaryId: row.primaryId };
        const fields: Complete = {
          ...before,
          status: retirement.status ?? before.status,
          expiryDate: retirement.expiryDate !== undefined ? retirement.expiryDate : before.expiryDate,
          purgeDate: retirement.purgeDate !== undefined ? retirement.purgeDate : before.purgeDate,
        };
        const history = historyChanges(asHistorySubject(nullFilled(before)), asHistorySubject(nullFilled(fields)), {
          pinChanged: false,
          passwordChanged: false,
        });
        // Status is not a History field; a retirement records it all the same.
        if (fields.status !== before.status)
          history.push({ field: 'status' as HistoryChange['field'], oldValue: before.status, newValue: fields.status });
        if (history.length === 0) continue;
        const update = updateOf(-1, row, fields, history, {
          childrenChanged: false,
          parts: null,
          pinHash: undefined,
          overrideChanges: NO_OVERRIDE_CHANGES,
          segmented: [],
        });
        writes.push(update.write);
        outcomes.push(update.outcome);
      }
      const plan: ExternalLoadPlan = { outcomes, writes: writes.length };
      plans.set(plan, { by, writes });
      return plan;
    },

    async apply(plan, write) {
      const state = plans.get(plan);
      if (!state) throw new Error('not a plan of this service');
      const { by, writes } = state;
      if (writes.length === 0) return;
      const tx = write.tx as Prisma.TransactionClient;
      const raise = write.raise as UnitOfWork['raise'];
      const { institutionId } = by;
      const now = new Date();
      const audit = { updatedBy: by.actor, updatedAt: now, lastUpdatedByJob: by.job ?? null };
      const creates = writes.filter((w) => w.kind === 'create');
      const updates = writes.filter((w) => w.kind === 'update');

      await insertRows(
        tx,
        'User',
        creates.map((w) => ({
          id: w.userId,
          institutionId,
          ...userColumns(w.fields),
          pinNumberHash: w.pinHash ?? null,
          ...audit,
          createdBy: by.actor,
          createdAt: now,
          statusDate: now,
        })),
      );
      const changed = await updateUsers(
        tx,
        institutionId,
        updates.map((w) => {
          const row = w.row as UserRecordRow;
          const columns = userColumns(w.fields);
          return {
            id: w.userId,
            version: row.version,
            ...columns,
            pinNumberHash: w.pinHash !== undefined ? w.pinHash : row.pinNumberHash,
            ...audit,
            statusDate: columns.status !== row.status ? now : row.statusDate,
          };
        }),
      );
      if (changed !== updates.length) throw new ConflictError('a user changed while the load read it; load them again');

      const rewritten = updates.filter((w) => w.childrenChanged).map((w) => w.userId);
      const children = writes
        .filter((w) => w.childrenChanged)
        .map((w) => ({ write: w, rows: withIds(userChildRows(institutionId, w.userId, w.fields)) }));
      for (const [list, table] of Object.entries(LIST_TABLES) as [keyof typeof LIST_TABLES, string][]) {
        await deleteOwnedRows(tx, table, rewritten);
        await insertRows(
          tx,
          table,
          children.flatMap((c): readonly object[] => c.rows[list]),
        );
      }
      // Roles are the institution's: written for new users only (the role assignment rules' choice).
      await insertRows(
        tx,
        'UserRole',
        children.filter((c) => c.write.kind === 'create').flatMap((c) => c.rows.roles),
      );

      const withParts = writes.filter((w) => w.parts !== null);
      const replaced = withParts.filter((w) => w.kind === 'update').map((w) => w.userId);
      await deleteOwnedRows(tx, 'UserNote', replaced, 'EXTERNAL');
      await deleteOwnedRows(tx, 'UserStatistic', replaced, 'EXTERNAL');
      const created = { institutionId, createdBy: by.actor, createdAt: now, segmentType: 'EXTERNAL' };
      await insertRows(
        tx,
        'UserNote',
        withParts.flatMap((w) =>
          (w.parts as ExternalParts).notes.map((n) => ({
            ...created,
            userId: w.userId,
            noteType: n.noteType,
            text: n.text,
            popUp: n.popUp,
            userViewable: n.userViewable,
          })),
        ),
      );
      await insertRows(
        tx,
        'UserStatistic',
        withParts.flatMap((w) =>
          (w.parts as ExternalParts).statistics.map((s) => ({
            ...created,
            userId: w.userId,
            categoryType: s.categoryType,
            category: s.category,
            note: s.note ?? null,
          })),
        ),
      );

      for (const w of writes) {
        const { set, drop } = w.overrideChanges;
        if (drop.size) await tx.userFieldOverride.deleteMany({ where: { userId: w.userId, field: { in: [...drop] } } });
        for (const [field, sisValue] of set) {
          await tx.userFieldOverride.upsert({
            where: { userId_field: { userId: w.userId, field } },
            create: {
              institutionId,
              userId: w.userId,
              field,
              sisValue: sisValue as Prisma.InputJsonValue,
              createdBy: by.actor,
            },
            update: { sisValue: sisValue as Prisma.InputJsonValue },
          });
        }
        for (const { part, value } of w.segmented) {
          await part.write?.(
            { tx, institutionId, userId: w.userId, actor: by.actor, recordType: w.fields.recordType },
            value,
          );
        }
        // A user claimed from SIS_temp signs in through the institution from now on: no password here.
        if (w.row?.credential?.hasPassword) {
          await deps.credentials.setPassword({ id: w.userId, institutionId, loginName: w.fields.primaryId }, null, {
            tx,
          });
        }
      }

      await insertRows(
        tx,
        'UserHistoryEntry',
        updates.flatMap((w) =>
          w.history.map((c) => ({
            institutionId,
            userId: w.userId,
            field: c.field,
            oldValue: c.oldValue,
            newValue: c.newValue,
            actor: by.actor,
            actorKind: by.actorKind ?? 'job',
            at: now,
          })),
        ),
      );
      for (const w of creates) raise(usersEvents.userCreated, { institutionId, userId: w.userId, actor: by.actor });
      for (const w of updates)
        raise(usersEvents.userUpdated, {
          institutionId,
          userId: w.userId,
          actor: by.actor,
          changedFields: w.history.map((c) => c.field),
        });
    },

    versions: (institutionId, userIds) => userVersions(sql, institutionId, userIds),
  };
}

/** A user a plan changes: the write, and the outcome the caller reads (the version the write will give). */
function updateOf(
  seq: number,
  row: UserRecordRow,
  fields: Complete,
  history: readonly HistoryChange[],
  what: Pick<UserWrite, 'childrenChanged' | 'parts' | 'pinHash' | 'overrideChanges' | 'segmented'>,
): { write: UserWrite; outcome: ExternalLoadOutcome } {
  return {
    write: { kind: 'update', userId: row.id, row, fields, history, ...what },
    outcome: {
      seq,
      outcome: 'UPDATED',
      userId: row.id,
      primaryId: fields.primaryId,
      version: row.version + 1,
      changes: history.map(toChange),
      errors: [],
    },
  };
}

/** Internal users are refused; a user owned by another profile too. `SIS_temp` users are claimed. */
function ownershipErrors(row: UserRecordRow, options: ExternalLoadOptions): FieldError[] {
  if (row.accountType !== 'EXTERNAL') return [{ field: 'account_type', message: 'User is not external' }];
  if (row.externalId && row.externalId !== options.owner && row.externalId !== SIS_TEMP_OWNER)
    return [{ field: 'external_id', message: `the user belongs to the SIS profile "${row.externalId}"` }];
  if (options.mode === 'IMPORT')
    return [{ field: 'primary_id', message: 'the user exists already; the profile imports new users only' }];
  return [];
}

/** Every list row with an id: kept segments keep theirs, new ones get one (rows of one statement share columns). */
function withIds<L extends Record<string, readonly object[]>>(
  lists: L,
): { [K in keyof L]: (L[K][number] & { id: string })[] } {
  return Object.fromEntries(
    Object.entries(lists).map(([name, rows]) => [
      name,
      rows.map((row) => ({ ...row, id: (row as { id?: string }).id ?? crypto.randomUUID() })),
    ]),
  ) as never;
}

/** Every field History reads, null where the fields leave it out. */
function nullFilled(fields: Complete): Complete {
  const filled: Record<string, unknown> = { ...fields };
  for (const [key, value] of Object.entries(filled)) if (value === undefined) filled[key] = null;
  for (const key of [
    'userTitle',
    'middleName',
    'prefFirstName',
    'prefMiddleName',
    'prefLastName',
    'jobCategory',
    'jobDescription',
    'gender',
    'userGroup',
    'campusCode',
    'webSiteUrl',
    'preferredLanguage',
    'birthDate',
    'expiryDate',
    'purgeDate',
    'catalogerLevel',
    'firstName',
    'lastName',
    'externalId',
  ])
    filled[key] ??= null;
  return filled as Complete;
}
