import { hash, randomBytes } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import QRCode from 'qrcode';
import type { Database } from '../database/database.js';
import type { MfaEnrolment } from '../contracts/auth.schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors/domain-errors.js';
import { hashPassword, passwordPolicyErrors, verifyPassword } from './password.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

/** Who a credential belongs to: a person's record id (a user's), its institution and the name they sign in with. */
export interface CredentialOwner {
  readonly id: string;
  readonly institutionId: string;
  readonly loginName: string;
}

/** What the app may show about someone's credential; never the secrets. */
export interface CredentialStatus {
  readonly hasPassword: boolean;
  readonly mustChangePassword: boolean;
  readonly mfaEnabled: boolean;
}

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Passwords, second factors and forced changes, keyed by the owner's record id. The module that keeps people
 * calls the writes with its own transaction (`tx`), so a record and its password are saved together.
 */
export interface CredentialService {
  /** Sets (or, with null, removes) the password; ends the owner's sessions when it changes. */
  setPassword(
    owner: CredentialOwner,
    password: string | null,
    options?: { mustChange?: boolean; tx?: Prisma.TransactionClient },
  ): Promise<void>;
  setMustChangePassword(ownerId: string, mustChange: boolean, tx?: Prisma.TransactionClient): Promise<void>;
  /** One prepared statement (a record's read pays it), or through `tx` inside the caller's transaction. */
  statusOf(ownerId: string, tx?: Prisma.TransactionClient): Promise<CredentialStatus>;
  /** Deletes the credentials and with them every session: the records are gone. */
  forget(ownerIds: readonly string[], tx?: Prisma.TransactionClient): Promise<void>;
  /** Ends the owner's sessions, except the one whose token is `keepSessionToken`. */
  endSessions(ownerId: string, keepSessionToken?: string, tx?: Prisma.TransactionClient): Promise<void>;
  /** Changes the password and ends the owner's other sessions; the one whose token is `keepSessionToken` stays. */
  changePassword(
    owner: CredentialOwner,
    currentPassword: string,
    newPassword: string,
    keepSessionToken?: string,
  ): Promise<void>;
  startMfaEnrolment(owner: CredentialOwner): Promise<MfaEnrolment>;
  confirmMfaEnrolment(ownerId: string, code: string): Promise<{ recoveryCodes: string[] }>;
  disableMfa(ownerId: string, password: string): Promise<void>;
}

export const sha256 = (text: string): string => hash('sha256', text, 'hex');

function newRecoveryCode(): string {
  const text = randomBytes(8)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0');
  return `${text.slice(0, 5)}-${text.slice(5, 10).padEnd(5, '0')}`;
}

/**
 * A SQL expression, the JSON `CredentialStatus` of the person whose id is `idExpression` (null when they have
 * none), for a module's record statement to carry in the same round trip: the kernel's table stays read by
 * the kernel's SQL.
 */
export function credentialStatusJsonSql(idExpression: string): string {
  return `(SELECT json_build_object('hasPassword', c."passwordHash" IS NOT NULL, 'mustChangePassword', c."mustChangePassword", 'mfaEnabled', c."mfaEnabled") FROM "Credential" c WHERE c.id = ${idExpression})`;
}

const STATUS_SQL = `SELECT ${credentialStatusJsonSql('$1::uuid')} AS status`;

export function createCredentialService(deps: { prisma: PrismaClient; database: Database }): CredentialService {
  const { prisma } = deps;

  const credentialOf = async (ownerId: string) => {
    const credential = await prisma.credential.findUnique({
      where: { id: ownerId },
      select: { id: true, passwordHash: true, mfaSecret: true, mfaEnabled: true },
    });
    if (!credential) throw new NotFoundError('credential');
    return credential;
  };

  const requirePassword = async (passwordHash: string | null, password: string, field: string) => {
    if (!passwordHash || !(await verifyPassword(passwordHash, password))) {
      throw ValidationError.of(field, 'is not your current password');
    }
  };

  const endSessions = (db: Db, ownerId: string, keepSessionToken?: string) =>
    db.staffSession.deleteMany({
      where: { accountId: ownerId, ...(keepSessionToken ? { tokenHash: { not: sha256(keepSessionToken) } } : {}) },
    });

  return {
    async setPassword(owner, password, options = {}) {
      const db = options.tx ?? prisma;
      if (password !== null) {
        const errors = passwordPolicyErrors(password, owner.loginName);
        if (errors.length) throw new ValidationError(errors);
      }
      const passwordHash = password === null ? null : await hashPassword(password);
      const data = {
        passwordHash,
        passwordChangedAt: new Date(),
        ...(options.mustChange !== undefined ? { mustChangePassword: options.mustChange } : {}),
      };
      await db.credential.upsert({
        where: { id: owner.id },
        create: { id: owner.id, institutionId: owner.institutionId, ...data },
        update: data,
      });
      // Whoever else holds a session (perhaps the one who learnt the old password) must sign in again.
      await endSessions(db, owner.id);
    },

    async setMustChangePassword(ownerId, mustChange, tx) {
      await (tx ?? prisma).credential.updateMany({ where: { id: ownerId }, data: { mustChangePassword: mustChange } });
    },

    async statusOf(ownerId, tx) {
      type Row = { status: CredentialStatus | null };
      const [found] = tx
        ? await tx.$queryRawUnsafe<Row[]>(STATUS_SQL, ownerId)
        : await deps.database.sql.query<Row>(STATUS_SQL, [ownerId], { name: 'auth.credentialStatus' });
      return found?.status ?? { hasPassword: false, mustChangePassword: false, mfaEnabled: false };
    },

    async forget(ownerIds, tx) {
      await (tx ?? prisma).credential.deleteMany({ where: { id: { in: [...ownerIds] } } });
    },

    async endSessions(ownerId, keepSessionToken, tx) {
      await endSessions(tx ?? prisma, ownerId, keepSessionToken);
    },

    async changePassword(owner, currentPassword, newPassword, keepSessionToken) {
      const credential = await credentialOf(owner.id);
      await requirePassword(credential.passwordHash, currentPassword, 'currentPassword');
      const errors = passwordPolicyErrors(newPassword, owner.loginName, 'newPassword');
      if (newPassword === currentPassword) {
        errors.push({ field: 'newPassword', message: 'must differ from the current password' });
      }
      if (errors.length) throw new ValidationError(errors);
      const passwordHash = await hashPassword(newPassword);
      await prisma.$transaction([
        prisma.credential.update({
          where: { id: owner.id },
          data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() },
        }),
        endSessions(prisma, owner.id, keepSessionToken),
      ]);
    },

    async startMfaEnrolment(owner) {
      const credential = await credentialOf(owner.id);
      if (credential.mfaEnabled) throw new ConflictError('multi-factor authentication is already enabled');
      const secret = newTotpSecret();
      await prisma.credential.update({ where: { id: owner.id }, data: { mfaSecret: secret } });
      const url = otpauthUrl(secret, owner.loginName, 'ULMS');
      return { secret, otpauthUrl: url, qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }) };
    },

    async confirmMfaEnrolment(ownerId, code) {
      const credential = await credentialOf(ownerId);
      if (credential.mfaEnabled) throw new ConflictError('multi-factor authentication is already enabled');
      if (!credential.mfaSecret) throw new ConflictError('start the enrolment first');
      if (!verifyTotp(credential.mfaSecret, code))
        throw ValidationError.of('code', 'does not match; check the time on your device');
      const recoveryCodes = Array.from({ length: 10 }, newRecoveryCode);
      await prisma.credential.update({
        where: { id: ownerId },
        data: { mfaEnabled: true, recoveryCodeHashes: recoveryCodes.map(sha256) },
      });
      return { recoveryCodes };
    },

    async disableMfa(ownerId, password) {
      const credential = await credentialOf(ownerId);
      await requirePassword(credential.passwordHash, password, 'password');
      await prisma.credential.update({
        where: { id: ownerId },
        data: { mfaEnabled: false, mfaSecret: null, recoveryCodeHashes: [] },
      });
    },
  };
}
