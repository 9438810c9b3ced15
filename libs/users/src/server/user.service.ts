import { randomInt } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import {
  ConflictError,
  contributorOf,
  type Database,
  type InstitutionService,
  visibleOwnerLibraries,
  hashPassword,
  isUniqueViolation,
  type ModuleService,
  NotFoundError,
  parseInput,
  passwordPolicyErrors,
  type Transactions,
  ValidationError,
} from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import { identifierKey } from '../contracts/identifiers.js';
import { protectedExternalFields } from '../contracts/user-codes.js';
import type { PossibleDuplicate, SaveUserResult, UserDto } from '../contracts/user.dto.js';
import {
  type CreateUserInput,
  createUserInput,
  type UpdateUserInput,
  updateUserInput,
  type UserFields,
} from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersEvents } from '../contracts/users-events.js';
import type { IdentifierGenerator, UserValidator } from '../contracts/users-extension-points.js';
import type { NoteDto, StatisticDto, UserPartsReplacement } from '../contracts/user-parts.schema.js';
import { type UserChangeActor, fieldPermissionErrors } from './change-actor.js';
import type { CodeTableService } from './code-table.service.js';
import { USERS_MODULE } from './users-module.js';
import { notesAndStatistics, withOwnerCodes } from './owned-lists.js';
import type { PartsViewer } from './user-parts.service.js';
import { fromIsoDate } from './dates.js';
import {
  externalEditRules,
  mergeSisRecord,
  type OverrideChanges,
  segmentTypeErrors,
} from './external-account.rules.js';
import { fullNameOf } from './names.js';
import { pictureUrlOf } from './picture-url.js';
import { userDtoToFields } from '../contracts/user-fields.js';
import { historyChanges } from './user-history.js';
import { type CheckedReplacement, checkPartsReplacement, replaceUserParts } from './user-parts-replacement.js';
import {
  PRIMARY_ID_TYPE,
  toUserDto,
  userChildRows,
  userColumns,
  userRecordSelect,
  type UserRecordRow,
} from './user-record.mapper.js';
import { readUserRecord, readUserRecordByIdentifier } from './user-record.reader.js';
import { repeatedIdentifierErrors, validateUserFields } from './user-validation.js';

/** An update over a version of the record newer than the one the caller read (someone else saved meanwhile). */
export class StaleVersionError extends ConflictError {
  constructor() {
    super('the user was changed by someone else since you opened it; reload it and make your change again');
    this.name = 'StaleVersionError';
  }
}

/** The user record: read, create and edit with every rule of the reference and the institution. */
export interface UserService {
  get(institutionId: string, id: string): Promise<UserDto>;
  /** The user holding `identifier` as primary identifier (held as type PRIMARY) or another identifier, case-insensitive. */
  findByIdentifier(institutionId: string, identifier: string): Promise<{ heldAs: string; user: UserDto } | null>;
  /** The same with the notes and statistics `viewer` may see, in one statement (the REST API's full user). */
  findDocumentByIdentifier(
    viewer: PartsViewer,
    identifier: string,
  ): Promise<{
    heldAs: string;
    user: UserDto;
    notes: NoteDto[];
    statistics: StatisticDto[];
  } | null>;
  /** Creates a user; `options.parts` gives its notes and statistics in the same transaction. */
  create(
    by: UserChangeActor,
    input: CreateUserInput,
    options?: { parts?: UserPartsReplacement },
  ): Promise<SaveUserResult>;
  /**
   * Saves a user's record; `options.parts` replaces its notes and statistics in the same transaction. The
   * account type changes only with `options.accountTypeChange` (the caller has checked the toggle permission).
   */
  update(
    by: UserChangeActor,
    input: UpdateUserInput,
    options?: { parts?: UserPartsReplacement; accountTypeChange?: boolean },
  ): Promise<SaveUserResult>;
  /** Moves the last-updated date and actor, as adding a note or block does (the reference's rule). */
  markUpdated(
    by: UserChangeActor,
    userId: string,
    history?: {
      field: string;
      oldValue: string | null;
      newValue: string | null;
    },
  ): Promise<void>;
  /** Drops a local override of an external user and restores the value the SIS sent. */
  revertOverride(by: UserChangeActor, userId: string, field: string): Promise<UserDto>;
  /** Internal → External (owner SIS_temp, identifiers external) or External → Internal (data kept as internal). */
  toggleAccountType(by: UserChangeActor, userId: string): Promise<UserDto>;
  /** What the sis module calls for each user it loads: the SIS record, except what staff overrode. */
  applySisRecord(by: UserChangeActor, userId: string, incoming: CreateUserInput): Promise<UserDto>;
}

const MAX_GENERATION_ATTEMPTS = 100;
export const SIS_TEMP_OWNER = 'SIS_temp';

interface SaveOptions {
  readonly existingId: string | null;
  readonly openForUpdate?: boolean;
  readonly keepOnSync?: Readonly<Record<string, boolean>>;
  /** The SIS is the owner: staff rules for external users do not apply, overrides are merged instead. */
  readonly fromSis?: boolean;
  readonly parts?: UserPartsReplacement;
  readonly accountTypeChange?: boolean;
  /** The version the caller read; a save over a newer one is refused. */
  readonly expectedVersion?: number;
}

/** The reference's account-type and external-id rules for a save that is not the SIS's. */
function accountTypeErrors(
  existing: { accountType: string } | null,
  user: UserFields,
  accountTypeChange: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (existing && existing.accountType !== user.accountType) {
    if (!accountTypeChange) {
      errors.push({
        field: 'accountType',
        message: 'changes only through Toggle Account Type',
      });
    } else if (existing.accountType === 'EXTERNAL') {
      errors.push({
        field: 'accountType',
        message: 'an external user cannot be made internal by an update; use Toggle Account Type',
      });
    }
  }
  if (user.accountType === 'INTERNAL' && user.externalId) {
    errors.push({
      field: 'externalId',
      message: 'must be empty for an internal user',
    });
  }
  if (user.accountType === 'EXTERNAL' && !user.externalId) {
    errors.push({
      field: 'externalId',
      message: 'is mandatory for an external user (the system that owns it)',
    });
  }
  return errors;
}

export function createUserService(deps: {
  prisma: PrismaClient;
  database: Database;
  institutions: InstitutionService;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  validators: readonly UserValidator[];
  identifierGenerators: readonly IdentifierGenerator[];
}): UserService {
  const { prisma, transactions, modules, codeTables } = deps;

  const configOf = (institutionId: string) => modules.config<UsersConfig>(institutionId, USERS_MODULE);

  const enabledFor = async <T extends object>(institutionId: string, contributions: readonly T[]): Promise<T[]> => {
    const enabled = await Promise.all(
      contributions.map((c) => modules.isEnabled(institutionId, contributorOf(c) ?? USERS_MODULE)),
    );
    return contributions.filter((_, i) => enabled[i]);
  };

  /** Within a transaction through it; otherwise in one plain statement, the fast read. */
  const loadRow = async (institutionId: string, id: string, tx?: Prisma.TransactionClient): Promise<UserRecordRow> => {
    const row = tx
      ? await tx.user.findFirst({
          where: { id, institutionId },
          select: userRecordSelect,
        })
      : await readUserRecord(deps.database.sql, institutionId, id);
    if (!row) throw new NotFoundError('user');
    return row;
  };

  const dtoOf = (row: UserRecordRow, config: UsersConfig) => toUserDto(row, pictureUrlOf(row, config));

  const identifierConflicts = async (
    institutionId: string,
    userId: string | null,
    user: UserFields,
  ): Promise<FieldError[]> => {
    const wanted = [
      ...(user.primaryId ? [{ field: 'primaryId', value: user.primaryId }] : []),
      ...user.identifiers.map((i, n) => ({
        field: `identifiers.${n}.value`,
        value: i.value,
      })),
    ];
    if (wanted.length === 0) return [];
    const taken = await prisma.userIdentifier.findMany({
      where: {
        institutionId,
        valueKey: { in: wanted.map((w) => identifierKey(w.value)) },
        ...(userId ? { userId: { not: userId } } : {}),
      },
      select: { valueKey: true, idType: true },
    });
    const byKey = new Map(taken.map((t) => [t.valueKey, t.idType]));
    return wanted.flatMap((w) => {
      const idType = byKey.get(identifierKey(w.value));
      if (!idType) return [];
      const type = idType === PRIMARY_ID_TYPE ? 'primary identifier' : idType;
      return [
        {
          field: w.field,
          message: `a user with identifier of type ${type} "${w.value}" already exists`,
        },
      ];
    });
  };

  const possibleDuplicates = async (institutionId: string, user: UserFields): Promise<PossibleDuplicate[]> => {
    if (!user.firstName || !user.lastName || !user.birthDate) return [];
    const rows = await prisma.user.findMany({
      where: {
        institutionId,
        firstName: { equals: user.firstName, mode: 'insensitive' },
        lastName: { equals: user.lastName, mode: 'insensitive' },
        birthDate: fromIsoDate(user.birthDate),
      },
      select: {
        id: true,
        primaryId: true,
        firstName: true,
        lastName: true,
        middleName: true,
        prefFirstName: true,
        prefLastName: true,
        prefMiddleName: true,
      },
      take: 10,
    });
    return rows.map((r) => ({
      id: r.id,
      primaryId: r.primaryId,
      fullName: fullNameOf(r),
    }));
  };

  const rolesFromRules = (user: UserFields, config: UsersConfig): UserFields['roles'] => {
    const held = new Set(user.roles.map((r) => `${r.role}@${r.scope ?? ''}`));
    const added: UserFields['roles'] = [];
    for (const rule of config.roleAssignmentRules) {
      const applies =
        (rule.jobCategory !== undefined || rule.userGroup !== undefined) &&
        (rule.jobCategory === undefined || rule.jobCategory === user.jobCategory) &&
        (rule.userGroup === undefined || rule.userGroup === user.userGroup);
      if (!applies) continue;
      for (const role of rule.roles) {
        if (held.has(`${role}@`)) continue;
        held.add(`${role}@`);
        added.push({ role, scope: null, status: 'ACTIVE', expiryDate: null });
      }
    }
    return [...user.roles, ...added];
  };

  const generatePrimaryId = async (
    tx: Prisma.TransactionClient,
    institutionId: string,
    user: UserFields,
    config: UsersConfig,
  ): Promise<string> => {
    const generators = await enabledFor(institutionId, deps.identifierGenerators);
    const generator = generators.find((g) => g.id === config.userIdGeneration.generator);
    if (!generator) {
      throw ValidationError.of(
        'primaryId',
        `is required (identifier generator "${config.userIdGeneration.generator}" is not available)`,
      );
    }
    const nextInSequence = async () => {
      const [row] = await tx.$queryRaw<{ value: bigint }[]>`
        INSERT INTO "UserIdSequence" ("institutionId", "next") VALUES (${institutionId}::uuid, 2)
        ON CONFLICT ("institutionId") DO UPDATE SET "next" = "UserIdSequence"."next" + 1
        RETURNING "next" - 1 AS value`;
      return BigInt(row?.value ?? 1);
    };
    for (let attempt = 0; attempt < MAX_GENERATION_ATTEMPTS; attempt += 1) {
      const candidate = await generator.generate({
        institutionId,
        user,
        config: config.userIdGeneration,
        nextInSequence,
      });
      const taken = await tx.userIdentifier.count({
        where: { institutionId, valueKey: identifierKey(candidate) },
      });
      if (taken === 0) return candidate;
    }
    throw new ConflictError('could not generate a free primary identifier; enter one');
  };

  /** Writes the user and its lists, its overrides and history, and raises the event; in one transaction. */
  const persist = async (
    by: UserChangeActor,
    fields: UserFields,
    existing: UserRecordRow | null,
    config: UsersConfig,
    extra: {
      secrets: Record<string, string | null>;
      overrideChanges: OverrideChanges;
      parts?: CheckedReplacement;
      expectedVersion?: number;
    },
  ): Promise<string> => {
    const { institutionId } = by;
    const now = new Date();
    const audit = {
      updatedBy: by.actor,
      updatedAt: now,
      lastUpdatedByJob: by.job ?? null,
    };
    return transactions.run(async ({ tx, raise }) => {
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
      if (extra.parts) await replaceUserParts(tx, by, userId, extra.parts, now);

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
          passwordChanged: 'passwordHash' in extra.secrets,
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
      return userId;
    });
  };

  const hashedSecrets = async (pin: string | null | undefined, password: string | null | undefined) => ({
    ...(pin !== undefined ? { pinNumberHash: pin === null ? null : await hashPassword(pin) } : {}),
    ...(password !== undefined
      ? {
          passwordHash: password === null ? null : await hashPassword(password),
        }
      : {}),
  });

  const save = async (by: UserChangeActor, input: CreateUserInput, options: SaveOptions): Promise<SaveUserResult> => {
    const { institutionId } = by;
    const parsed = parseInput(createUserInput, input);
    const [config, lookups, existing] = await Promise.all([
      configOf(institutionId),
      codeTables.lookups(institutionId),
      options.existingId ? loadRow(institutionId, options.existingId) : Promise.resolve(null),
    ]);
    if (existing && options.expectedVersion !== undefined && existing.version !== options.expectedVersion)
      throw new StaleVersionError();
    const existingDto = existing ? toUserDto(existing) : null;
    let user: UserFields = {
      ...parsed,
      primaryId: parsed.primaryId ?? existing?.primaryId ?? null,
    };
    let overrideChanges: OverrideChanges = { set: new Map(), drop: new Set() };
    const errors: FieldError[] = [];

    if (existing && existingDto && options.fromSis) {
      const merged = mergeSisRecord({
        existing: existingDto,
        incoming: user,
        overrides: new Map(existing.overrides.map((o) => [o.field, o.sisValue])),
      });
      user = merged.fields;
      overrideChanges = merged.overrideChanges;
    } else {
      errors.push(...accountTypeErrors(existing, user, options.accountTypeChange ?? false));
    }
    const purgeDateChanged = (user.purgeDate ?? null) !== (existingDto?.purgeDate ?? null);
    errors.push(...fieldPermissionErrors(by.caller, purgeDateChanged ? ['purgeDate'] : []));
    if (existing && existingDto && !options.fromSis && existing.accountType === 'EXTERNAL') {
      const rules = externalEditRules({
        existing: existingDto,
        incoming: user,
        overrides: new Map(existing.overrides.map((o) => [o.field, o.sisValue])),
        openForUpdate: options.openForUpdate ?? false,
        keepOnSync: options.keepOnSync ?? {},
        currentPinHash: existing.pinNumberHash,
      });
      errors.push(...rules.errors);
      overrideChanges = rules.overrideChanges;
    }

    const generateId = !user.primaryId && config.userIdGeneration.enabled;
    const recordType = user.recordType as keyof UsersConfig['registrationForm'];
    const rulesConfig: UsersConfig = generateId
      ? {
          ...config,
          registrationForm: {
            ...config.registrationForm,
            [recordType]: config.registrationForm[recordType].filter((f) => f !== 'primaryId'),
          },
        }
      : config;
    errors.push(
      ...segmentTypeErrors(existingDto, user),
      ...validateUserFields(user, rulesConfig, lookups),
      ...(user.primaryId ? repeatedIdentifierErrors({ ...user, primaryId: user.primaryId }) : []),
      ...(user.password ? passwordPolicyErrors(user.password, user.primaryId ?? '', 'password') : []),
      ...(parsed.generatePin && config.pinNumberMethod !== 'fourDigit'
        ? [
            {
              field: 'generatePin',
              message: 'PIN generation is not enabled for this institution (pin_number_method)',
            },
          ]
        : []),
    );
    for (const validator of await enabledFor(institutionId, deps.validators)) {
      errors.push(
        ...(await validator.validate(user, {
          institutionId,
          userId: options.existingId,
        })),
      );
    }
    errors.push(...(await identifierConflicts(institutionId, options.existingId, user)));
    const parts = options.parts
      ? checkPartsReplacement(options.parts, {
          accountType: user.accountType,
          lookups,
        })
      : undefined;
    if (parts) errors.push(...parts.errors);
    if (errors.length > 0) throw new ValidationError(errors);

    if (!parsed.confirmDuplicate && !existing) {
      const duplicates = await possibleDuplicates(institutionId, user);
      if (duplicates.length > 0) return { status: 'duplicateWarning', duplicates };
    }

    const generatedPin = parsed.generatePin ? String(randomInt(0, 10_000)).padStart(4, '0') : undefined;
    const secrets = await hashedSecrets(generatedPin ?? user.pinNumber, user.password);
    const withRoles = { ...user, roles: rolesFromRules(user, config) };
    try {
      const id = await persist(by, withRoles, existing, config, {
        secrets,
        overrideChanges,
        parts: parts?.checked,
        expectedVersion: options.expectedVersion,
      });
      return {
        status: 'saved',
        user: dtoOf(await loadRow(institutionId, id), config),
        ...(generatedPin ? { generatedPin } : {}),
      };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('another user took one of these identifiers a moment ago; check them and save again');
      }
      throw error;
    }
  };

  const saved = (result: SaveUserResult): UserDto => {
    if (result.status !== 'saved') throw new ConflictError('the change was not saved');
    return result.user;
  };

  const service: UserService = {
    async get(institutionId, id) {
      return dtoOf(await loadRow(institutionId, id), await configOf(institutionId));
    },
    async findByIdentifier(institutionId, identifier) {
      const [found, config] = await Promise.all([
        readUserRecordByIdentifier(deps.database.sql, institutionId, identifier),
        configOf(institutionId),
      ]);
      return found && { heldAs: found.heldAs, user: dtoOf(found.row, config) };
    },
    async findDocumentByIdentifier(viewer, identifier) {
      const institutionId = viewer.institution.id;
      const libraryIds = visibleOwnerLibraries(viewer.institution, viewer.principal);
      const [found, config, libraries] = await Promise.all([
        readUserRecordByIdentifier(deps.database.sql, institutionId, identifier, {
          lists: notesAndStatistics,
          libraryIds,
        }),
        configOf(institutionId),
        deps.institutions.listLibraries(institutionId),
      ]);
      if (!found) return null;
      const owned = (rows: Record<string, unknown>[]) =>
        withOwnerCodes(rows as { ownerLibraryId: string | null }[], libraries);
      return {
        heldAs: found.heldAs,
        user: dtoOf(found.row, config),
        notes: owned(found.owned.notes) as NoteDto[],
        statistics: owned(found.owned.statistics) as StatisticDto[],
      };
    },
    create: (by, input, options = {}) => save(by, input, { existingId: null, parts: options.parts }),
    update: (by, input, options = {}) => {
      const { id, openForUpdate, keepOnSync, version, ...fields } = parseInput(updateUserInput, input);
      return save(by, fields, {
        existingId: id,
        openForUpdate,
        keepOnSync,
        expectedVersion: version,
        ...options,
      });
    },
    async markUpdated(by, userId, history) {
      const at = new Date();
      await transactions.run(async ({ tx }) => {
        const { count } = await tx.user.updateMany({
          where: { id: userId, institutionId: by.institutionId },
          data: {
            updatedAt: at,
            updatedBy: by.actor,
            lastUpdatedByJob: by.job ?? null,
          },
        });
        if (count > 0 && history) {
          await tx.userHistoryEntry.create({
            data: {
              ...history,
              institutionId: by.institutionId,
              userId,
              actor: by.actor,
              actorKind: by.actorKind ?? 'staff',
              at,
            },
          });
        }
      });
    },
    async revertOverride(by, userId, field) {
      const row = await loadRow(by.institutionId, userId);
      const override = row.overrides.find((o) => o.field === field);
      if (!override) throw new NotFoundError(`override of "${field}"`);
      if (!(protectedExternalFields as readonly string[]).includes(field))
        throw ValidationError.of('field', `"${field}" cannot be overridden`);
      const fields = userDtoToFields(toUserDto(row));
      if (field !== 'pinNumber') (fields as Record<string, unknown>)[field] = override.sisValue;
      const config = await configOf(by.institutionId);
      await persist(by, fields, row, config, {
        secrets: field === 'pinNumber' ? { pinNumberHash: override.sisValue as string | null } : {},
        overrideChanges: { set: new Map(), drop: new Set([field]) },
      });
      return service.get(by.institutionId, userId);
    },
    async toggleAccountType(by, userId) {
      const row = await loadRow(by.institutionId, userId);
      const fields = userDtoToFields(toUserDto(row));
      const toExternal = row.accountType !== 'EXTERNAL';
      const segmentType = toExternal ? 'EXTERNAL' : 'INTERNAL';
      const config = await configOf(by.institutionId);
      await persist(
        by,
        {
          ...fields,
          accountType: toExternal ? 'EXTERNAL' : 'INTERNAL',
          externalId: toExternal ? SIS_TEMP_OWNER : null,
          identifiers: fields.identifiers.map((i) => ({
            ...i,
            segmentType: toExternal ? 'EXTERNAL' : 'INTERNAL',
          })),
          ...(toExternal
            ? {}
            : {
                emails: fields.emails.map((e) => ({ ...e, segmentType })),
                addresses: fields.addresses.map((a) => ({ ...a, segmentType })),
                phones: fields.phones.map((p) => ({ ...p, segmentType })),
              }),
        },
        row,
        config,
        {
          secrets: {},
          overrideChanges: {
            set: new Map(),
            drop: new Set(toExternal ? [] : row.overrides.map((o) => o.field)),
          },
        },
      );
      return service.get(by.institutionId, userId);
    },
    async applySisRecord(by, userId, incoming) {
      return saved(await save(by, { ...incoming, confirmDuplicate: true }, { existingId: userId, fromSis: true }));
    },
  };
  return service;
}
