import { hash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import QRCode from 'qrcode';
import type { MfaEnrolment } from '../contracts/auth.schema.js';
import { type BuiltInRole, builtInRoleCodes } from '../contracts/roles.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { hashPassword, passwordPolicyErrors, verifyPassword } from './password.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

export interface NewStaffAccount {
  readonly institutionId: string;
  readonly username: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly { role: BuiltInRole; libraryId?: string; expiresAt?: Date }[];
  readonly mustChangePassword?: boolean;
}

/** Staff accounts: creation, roles, password changes and multi-factor enrolment. */
export interface StaffAccountService {
  create(input: NewStaffAccount): Promise<{ id: string }>;
  assignRole(
    accountId: string,
    assignment: { institutionId: string; role: BuiltInRole; libraryId?: string; expiresAt?: Date },
  ): Promise<void>;
  /** Changes the password and ends the account's other sessions; the one whose token is `keepSessionToken` stays. */
  changePassword(
    accountId: string,
    currentPassword: string,
    newPassword: string,
    keepSessionToken?: string,
  ): Promise<void>;
  startMfaEnrolment(accountId: string): Promise<MfaEnrolment>;
  confirmMfaEnrolment(accountId: string, code: string): Promise<{ recoveryCodes: string[] }>;
  disableMfa(accountId: string, password: string): Promise<void>;
}

export const sha256 = (text: string): string => hash('sha256', text, 'hex');

function newRecoveryCode(): string {
  const text = randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0');
  return `${text.slice(0, 5)}-${text.slice(5, 10).padEnd(5, '0')}`;
}

function checkRole(role: string): asserts role is BuiltInRole {
  if (!builtInRoleCodes.includes(role as BuiltInRole)) {
    throw ValidationError.of('role', `unknown role "${role}"; roles are ${builtInRoleCodes.join(', ')}`);
  }
}

export function createStaffAccountService(deps: { prisma: PrismaClient }): StaffAccountService {
  const { prisma } = deps;

  const accountOf = async (accountId: string) => {
    const account = await prisma.staffAccount.findUnique({
      where: { id: accountId },
      select: { id: true, username: true, passwordHash: true, mfaSecret: true, mfaEnabled: true },
    });
    if (!account) throw new NotFoundError('staff account');
    return account;
  };

  const requirePassword = async (passwordHash: string, password: string, field: string) => {
    if (!(await verifyPassword(passwordHash, password))) {
      throw ValidationError.of(field, 'is not your current password');
    }
  };

  return {
    async create(input) {
      const username = input.username.trim();
      const errors = [
        ...(username ? [] : [{ field: 'username', message: 'is required' }]),
        ...(input.displayName.trim() ? [] : [{ field: 'displayName', message: 'is required' }]),
        ...passwordPolicyErrors(input.password, username),
      ];
      if (errors.length) throw new ValidationError(errors);
      input.roles.forEach((r) => checkRole(r.role));
      const passwordHash = await hashPassword(input.password);
      try {
        return await prisma.staffAccount.create({
          data: {
            institutionId: input.institutionId,
            username,
            usernameKey: username.toLowerCase(),
            displayName: input.displayName.trim(),
            passwordHash,
            mustChangePassword: input.mustChangePassword ?? false,
            roles: {
              create: input.roles.map((r) => ({
                institutionId: input.institutionId,
                role: r.role,
                libraryId: r.libraryId,
                expiresAt: r.expiresAt,
              })),
            },
          },
          select: { id: true },
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`username "${username}" is taken in this institution`);
        throw error;
      }
    },

    async assignRole(accountId, assignment) {
      checkRole(assignment.role);
      await prisma.roleAssignment.create({ data: { accountId, ...assignment } });
    },

    async changePassword(accountId, currentPassword, newPassword, keepSessionToken) {
      const account = await accountOf(accountId);
      await requirePassword(account.passwordHash, currentPassword, 'currentPassword');
      const errors = passwordPolicyErrors(newPassword, account.username, 'newPassword');
      if (newPassword === currentPassword) {
        errors.push({ field: 'newPassword', message: 'must differ from the current password' });
      }
      if (errors.length) throw new ValidationError(errors);
      const passwordHash = await hashPassword(newPassword);
      // Whoever else holds a session (perhaps the one who learnt the old password) must sign in again.
      await prisma.$transaction([
        prisma.staffAccount.update({
          where: { id: accountId },
          data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
        }),
        prisma.staffSession.deleteMany({
          where: {
            accountId,
            ...(keepSessionToken ? { tokenHash: { not: sha256(keepSessionToken) } } : {}),
          },
        }),
      ]);
    },

    async startMfaEnrolment(accountId) {
      const account = await accountOf(accountId);
      if (account.mfaEnabled) throw new ConflictError('multi-factor authentication is already enabled');
      const secret = newTotpSecret();
      await prisma.staffAccount.update({ where: { id: accountId }, data: { mfaSecret: secret } });
      const url = otpauthUrl(secret, account.username, 'ULMS');
      return { secret, otpauthUrl: url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }) };
    },

    async confirmMfaEnrolment(accountId, code) {
      const account = await accountOf(accountId);
      if (account.mfaEnabled) throw new ConflictError('multi-factor authentication is already enabled');
      if (!account.mfaSecret) throw new ConflictError('start the enrolment first');
      if (!verifyTotp(account.mfaSecret, code))
        throw ValidationError.of('code', 'does not match; check the time on your device');
      const recoveryCodes = Array.from({ length: 10 }, newRecoveryCode);
      await prisma.staffAccount.update({
        where: { id: accountId },
        data: { mfaEnabled: true, recoveryCodeHashes: recoveryCodes.map(sha256) },
      });
      return { recoveryCodes };
    },

    async disableMfa(accountId, password) {
      const account = await accountOf(accountId);
      await requirePassword(account.passwordHash, password, 'password');
      await prisma.staffAccount.update({
        where: { id: accountId },
        data: { mfaEnabled: false, mfaSecret: null, recoveryCodeHashes: [] },
      });
    },
  };
}
