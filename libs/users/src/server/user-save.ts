import { randomInt } from 'node:crypto';
import {
  ConflictError,
  ForbiddenError,
  hashPassword,
  isUniqueViolation,
  parseInput,
  passwordPolicyErrors,
  ValidationError,
} from '@ulms/platform';
import type { FieldError } from '@ulms/platform/contracts';
import type { UserChangeActor } from '../contracts/service-callers.js';
import type { SaveUserResult } from '../contracts/user.dto.js';
import { type CreateUserInput, createUserInput, type UserFields } from '../contracts/user.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import type { UserPartsReplacement } from '../contracts/user-parts.schema.js';
import { accountTypeErrors } from './account-type.rules.js';
import { fieldPermissionErrors } from './change-actor.js';
import {
  externalEditRules,
  mergeSisRecord,
  type OverrideChanges,
  segmentTypeErrors,
} from './external-account.rules.js';
import { rolesToSave } from './role-assignment.rules.js';
import { roleChangeErrors } from './role-grant.rules.js';
import { StaleVersionError } from './stale-version.error.js';
import { checkPartsReplacement } from './user-parts-replacement.js';
import type { UserRecordLoader } from './user-record.loader.js';
import { toUserDto } from './user-record.mapper.js';
import type { UserRecordWriter } from './user-record.writer.js';
import type { UserServiceDeps } from './user-service.deps.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';
import { usersPermissions } from '../contracts/users-permissions.js';
import { isRestrictedForEditing } from '../contracts/restricted-users.js';
import { identifierConflicts, possibleDuplicates } from './user-uniqueness.js';
import { repeatedIdentifierErrors, validateUserFields } from './user-validation.js';

export interface SaveOptions {
  readonly existingId: string | null;
  readonly openForUpdate?: boolean;
  readonly keepOnSync?: Readonly<Record<string, boolean>>;
  /** The SIS is the owner: staff rules for external users do not apply, overrides are merged instead. */
  readonly fromSis?: boolean;
  readonly parts?: UserPartsReplacement;
  readonly accountTypeChange?: boolean;
  /** The version the caller read; a save over a newer one is refused. */
  readonly expectedVersion?: number;
  /** Apply the role assignment rules again (they apply on create, and on other saves only when asked). */
  readonly recalculateRoles?: boolean;
}

/** Checks a user's record against every rule, then writes it (or warns of possible duplicates of a new user). */
export type UserSave = (by: UserChangeActor, input: CreateUserInput, options: SaveOptions) => Promise<SaveUserResult>;

const hashedPin = async (pin: string | null | undefined): Promise<Record<string, string | null>> =>
  pin !== undefined ? { pinNumberHash: pin === null ? null : await hashPassword(pin) } : {};

export function createUserSave(
  deps: Pick<UserServiceDeps, 'prisma' | 'modules' | 'codeTables' | 'extensions' | 'permissions'> & {
    records: UserRecordLoader;
    persist: UserRecordWriter;
  },
): UserSave {
  const { prisma, codeTables, persist } = deps;
  const { configOf, loadRow, dtoOf } = deps.records;

  /** The first PIN letter sender enabled in the institution that takes the letter. */
  const sendPinLetter = async (by: UserChangeActor, userId: string, pin: string): Promise<boolean> => {
    for (const sender of await deps.extensions.for(usersExtensionPoints.pinLetters, by.institutionId)) {
      if (await sender.send({ institutionId: by.institutionId, actor: by.actor }, userId, pin)) return true;
    }
    return false;
  };

  return async (by, input, options) => {
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
    // The reference's "Can't edit restricted users": a person or key without the permission leaves them alone.
    if (
      existingDto &&
      by.caller &&
      !by.caller.permissions.has(usersPermissions.restrictedUserEdit) &&
      isRestrictedForEditing(existingDto, config.restrictedRoles)
    ) {
      throw new ForbiddenError(
        `${existingDto.fullName || existingDto.primaryId} is restricted for editing; changing them needs the permission ${usersPermissions.restrictedUserEdit}`,
      );
    }
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
      ...(user.password && user.accountType !== 'INTERNAL'
        ? [
            {
              field: 'password',
              message: 'is not kept for users who sign in through the institution (external authentication)',
            },
          ]
        : []),
      ...(parsed.generatePin && config.pinNumberMethod !== 'fourDigit'
        ? [
            {
              field: 'generatePin',
              message: 'PIN generation is not enabled for this institution (pin_number_method)',
            },
          ]
        : []),
    );
    for (const validator of await deps.extensions.for(usersExtensionPoints.validators, institutionId)) {
      errors.push(
        ...(await validator.validate(user, {
          institutionId,
          userId: options.existingId,
        })),
      );
    }
    errors.push(...(await identifierConflicts(prisma, institutionId, options.existingId, user)));
    errors.push(...roleChangeErrors(by.caller, deps.permissions, existingDto?.roles ?? [], user));
    const parts = options.parts
      ? checkPartsReplacement(options.parts, {
          accountType: user.accountType,
          lookups,
        })
      : undefined;
    if (parts) errors.push(...parts.errors);
    if (errors.length > 0) throw new ValidationError(errors);

    if (!parsed.confirmDuplicate && !existing) {
      const duplicates = await possibleDuplicates(prisma, institutionId, user);
      if (duplicates.length > 0) return { status: 'duplicateWarning', duplicates };
    }

    const generatedPin = parsed.generatePin ? String(randomInt(0, 10_000)).padStart(4, '0') : undefined;
    const secrets = await hashedPin(generatedPin ?? user.pinNumber);
    const withRoles = {
      ...user,
      roles: rolesToSave(user, config, { created: !existing, recalculate: options.recalculateRoles ?? false }),
    };
    try {
      const id = await persist(by, withRoles, existing, config, {
        secrets,
        password: user.password,
        overrideChanges,
        parts: parts?.checked,
        expectedVersion: options.expectedVersion,
      });
      const saved = dtoOf(await loadRow(institutionId, id), config);
      if (generatedPin && (await sendPinLetter(by, id, generatedPin)))
        return { status: 'saved', user: saved, pinSent: true };
      return { status: 'saved', user: saved, ...(generatedPin ? { generatedPin } : {}) };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('another user took one of these identifiers a moment ago; check them and save again');
      }
      throw error;
    }
  };
}
