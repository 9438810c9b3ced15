import { randomInt } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import {
  ConflictError,
  contributorOf,
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
import type { PossibleDuplicate, SaveUserResult, UserDto } from '../contracts/user.dto.js';
import { type CreateUserInput, createUserInput, type UpdateUserInput, type UserFields } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { usersEvents } from '../contracts/users-events.js';
import type { IdentifierGenerator, UserValidator } from '../contracts/users-extension-points.js';
import type { CodeTableService } from './code-table.service.js';
import { fromIsoDate } from './dates.js';
import { fullNameOf } from './names.js';
import { PRIMARY_ID_TYPE, toUserDto, userChildRows, userColumns, userRecordSelect, type UserRecordRow } from './user-record.mapper.js';
import { repeatedIdentifierErrors, validateUserFields } from './user-validation.js';

export const USERS_MODULE = 'users';

/** Who makes a change: the institution it happens in and the name recorded as created/updated by. */
export interface UserChangeActor {
  readonly institutionId: string;
  readonly actor: string;
  /** Set when a job makes the change (the reference's "last updated by job"). */
  readonly job?: string;
}

/** The user record: read, create and edit with every rule of the reference and the institution. */
export interface UserService {
  get(institutionId: string, id: string): Promise<UserDto>;
  create(by: UserChangeActor, input: CreateUserInput): Promise<SaveUserResult>;
  update(by: UserChangeActor, input: UpdateUserInput): Promise<SaveUserResult>;
  /** Moves the last-updated date and actor, as adding a note or block does (the reference's rule). */
  markUpdated(by: UserChangeActor, userId: string): Promise<void>;
}

const MAX_GENERATION_ATTEMPTS = 100;

export function createUserService(deps: {
  prisma: PrismaClient;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  validators: readonly UserValidator[];
  identifierGenerators: readonly IdentifierGenerator[];
}): UserService {
  const { prisma, transactions, modules, codeTables } = deps;

  const enabledFor = async <T extends object>(institutionId: string, contributions: readonly T[]): Promise<T[]> => {
    const enabled = await Promise.all(
      contributions.map((c) => modules.isEnabled(institutionId, contributorOf(c) ?? USERS_MODULE)),
    );
    return contributions.filter((_, i) => enabled[i]);
  };

  const loadRow = async (institutionId: string, id: string): Promise<UserRecordRow> => {
    const row = await prisma.user.findFirst({ where: { id, institutionId }, select: userRecordSelect });
    if (!row) throw new NotFoundError('user');
    return row;
  };

  const identifierConflicts = async (
    institutionId: string,
    userId: string | null,
    user: UserFields & { primaryId: string | null },
  ): Promise<FieldError[]> => {
    const wanted = [
      ...(user.primaryId ? [{ field: 'primaryId', value: user.primaryId }] : []),
      ...user.identifiers.map((i, n) => ({ field: `identifiers.${n}.value`, value: i.value })),
    ];
    if (wanted.length === 0) return [];
    const taken = await prisma.userIdentifier.findMany({
      where: {
        institutionId,
        valueKey: { in: wanted.map((w) => w.value.toLowerCase()) },
        ...(userId ? { userId: { not: userId } } : {}),
      },
      select: { valueKey: true, idType: true },
    });
    const byKey = new Map(taken.map((t) => [t.valueKey, t.idType]));
    return wanted.flatMap((w) => {
      const idType = byKey.get(w.value.toLowerCase());
      if (!idType) return [];
      const type = idType === PRIMARY_ID_TYPE ? 'primary identifier' : idType;
      return [{ field: w.field, message: `a user with identifier of type ${type} "${w.value}" already exists` }];
    });
  };

  const possibleDuplicates = async (
    institutionId: string,
    userId: string | null,
    user: UserFields,
  ): Promise<PossibleDuplicate[]> => {
    if (!user.firstName || !user.lastName || !user.birthDate) return [];
    const rows = await prisma.user.findMany({
      where: {
        institutionId,
        firstName: { equals: user.firstName, mode: 'insensitive' },
        lastName: { equals: user.lastName, mode: 'insensitive' },
        birthDate: fromIsoDate(user.birthDate),
        ...(userId ? { id: { not: userId } } : {}),
      },
      select: { id: true, primaryId: true, firstName: true, lastName: true, middleName: true, prefFirstName: true, prefLastName: true, prefMiddleName: true },
      take: 10,
    });
    return rows.map((r) => ({ id: r.id, primaryId: r.primaryId, fullName: fullNameOf(r) }));
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
      throw ValidationError.of('primaryId', `is required (identifier generator "${config.userIdGeneration.generator}" is not available)`);
    }
    const nextInSequence = async () => {
      const [row] = await tx.$queryRaw<{ value: bigint }[]>`
        INSERT INTO "UserIdSequence" ("institutionId", "next") VALUES (${institutionId}::uuid, 2)
        ON CONFLICT ("institutionId") DO UPDATE SET "next" = "UserIdSequence"."next" + 1
        RETURNING "next" - 1 AS value`;
      return BigInt(row?.value ?? 1);
    };
    for (let attempt = 0; attempt < MAX_GENERATION_ATTEMPTS; attempt += 1) {
      const candidate = await generator.generate({ institutionId, user, config: config.userIdGeneration, nextInSequence });
      const taken = await tx.userIdentifier.count({ where: { institutionId, valueKey: candidate.toLowerCase() } });
      if (taken === 0) return candidate;
    }
    throw new ConflictError('could not generate a free primary identifier; enter one');
  };

  const save = async (by: UserChangeActor, input: CreateUserInput, existingId: string | null): Promise<SaveUserResult> => {
    const { institutionId } = by;
    const parsed = parseInput(createUserInput, input);
    const [config, lookups, existing] = await Promise.all([
      modules.config<UsersConfig>(institutionId, USERS_MODULE),
      codeTables.lookups(institutionId),
      existingId ? loadRow(institutionId, existingId) : Promise.resolve(null),
    ]);
    const user: UserFields & { primaryId: string | null } = { ...parsed, primaryId: parsed.primaryId ?? existing?.primaryId ?? null };
    const generateId = !user.primaryId && config.userIdGeneration.enabled;

    const rulesConfig: UsersConfig = generateId
      ? { ...config, registrationForm: { ...config.registrationForm, [user.recordType]: config.registrationForm[user.recordType as 'STAFF'].filter((f) => f !== 'primaryId') } }
      : config;
    const errors: FieldError[] = [
      ...validateUserFields(user, rulesConfig, lookups),
      ...(user.primaryId ? repeatedIdentifierErrors({ ...user, primaryId: user.primaryId }) : []),
      ...(user.password ? passwordPolicyErrors(user.password, user.primaryId ?? '', 'password') : []),
      ...(parsed.generatePin && config.pinNumberMethod !== 'fourDigit'
        ? [{ field: 'generatePin', message: 'PIN generation is not enabled for this institution (pin_number_method)' }]
        : []),
    ];
    for (const validator of await enabledFor(institutionId, deps.validators)) {
      errors.push(...(await validator.validate(user, { institutionId, userId: existingId })));
    }
    errors.push(...(await identifierConflicts(institutionId, existingId, user)));
    if (errors.length > 0) throw new ValidationError(errors);

    if (!parsed.confirmDuplicate && !existingId) {
      const duplicates = await possibleDuplicates(institutionId, existingId, user);
      if (duplicates.length > 0) return { status: 'duplicateWarning', duplicates };
    }

    const generatedPin = parsed.generatePin ? String(randomInt(0, 10_000)).padStart(4, '0') : undefined;
    const pin = generatedPin ?? user.pinNumber;
    const secrets = {
      ...(pin !== undefined ? { pinNumberHash: pin === null ? null : await hashPassword(pin) } : {}),
      ...(user.password !== undefined ? { passwordHash: user.password === null ? null : await hashPassword(user.password) } : {}),
    };
    const withRoles = { ...user, roles: rolesFromRules(user, config) };
    const now = new Date();
    const audit = { updatedBy: by.actor, updatedAt: now, lastUpdatedByJob: by.job ?? null };

    try {
      const id = await transactions.run(async ({ tx, raise }) => {
        const primaryId = withRoles.primaryId ?? (await generatePrimaryId(tx, institutionId, withRoles, config));
        const fields = { ...withRoles, primaryId };
        const columns = userColumns(fields);
        const statusChanged = !existing || existing.status !== columns.status;
        let userId: string;
        if (existing) {
          userId = existing.id;
          await tx.user.update({
            where: { id: userId },
            data: { ...columns, ...secrets, ...audit, ...(statusChanged ? { statusDate: now } : {}) },
          });
          await Promise.all([
            tx.userIdentifier.deleteMany({ where: { userId } }),
            tx.userEmail.deleteMany({ where: { userId } }),
            tx.userAddress.deleteMany({ where: { userId } }),
            tx.userPhone.deleteMany({ where: { userId } }),
            tx.userRole.deleteMany({ where: { userId } }),
          ]);
        } else {
          ({ id: userId } = await tx.user.create({
            data: { ...columns, ...secrets, ...audit, institutionId, createdBy: by.actor, createdAt: now, statusDate: now },
            select: { id: true },
          }));
        }
        const children = userChildRows(institutionId, userId, fields);
        await tx.userIdentifier.createMany({ data: children.identifiers });
        if (children.emails.length) await tx.userEmail.createMany({ data: children.emails });
        if (children.addresses.length) await tx.userAddress.createMany({ data: children.addresses });
        if (children.phones.length) await tx.userPhone.createMany({ data: children.phones });
        if (children.roles.length) await tx.userRole.createMany({ data: children.roles });
        if (existing) {
          const after = toUserDto(await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userRecordSelect }));
          raise(usersEvents.userUpdated, { institutionId, userId, actor: by.actor, changedFields: changedFields(toUserDto(existing), after) });
        } else {
          raise(usersEvents.userCreated, { institutionId, userId, actor: by.actor });
        }
        return userId;
      });
      return { status: 'saved', user: toUserDto(await loadRow(institutionId, id)), ...(generatedPin ? { generatedPin } : {}) };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('another user took one of these identifiers a moment ago; check them and save again');
      }
      throw error;
    }
  };

  return {
    async get(institutionId, id) {
      return toUserDto(await loadRow(institutionId, id));
    },
    create: (by, input) => save(by, input, null),
    async markUpdated(by, userId) {
      await prisma.user.updateMany({
        where: { id: userId, institutionId: by.institutionId },
        data: { updatedAt: new Date(), updatedBy: by.actor, lastUpdatedByJob: by.job ?? null },
      });
    },
    update: (by, input) => {
      const { id, ...fields } = input;
      return save(by, fields, id);
    },
  };
}

const AUDIT_FIELDS = new Set(['updatedAt', 'updatedBy', 'lastUpdatedByJob', 'statusDate']);

/** Top-level fields whose value differs, ignoring row ids of the lists and the audit columns. */
function changedFields(before: UserDto, after: UserDto): string[] {
  const comparable = (value: unknown) => JSON.stringify(value, (key, v) => (key === 'id' ? undefined : v));
  return (Object.keys(after) as (keyof UserDto)[]).filter(
    (key) => !AUDIT_FIELDS.has(key) && comparable(before[key]) !== comparable(after[key]),
  );
}
