import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { SessionInfo, SignInInput, SignInResult } from '../contracts/auth.schema.js';
import { builtInRoles } from '../contracts/roles.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../errors/domain-errors.js';
import type { DeclaredPermission } from '../plugin/declared-permission.js';
import type { ModuleService } from '../tenancy/module.service.js';
import type { Principal } from '../trpc/request-context.js';
import { verifyNothing, verifyPassword } from './password.js';
import { permissionsOfRoles } from './role-permissions.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { sha256 } from './staff-account.service.js';
import { verifyTotp } from './totp.js';

export interface SessionLifetimes {
  /** A session unused for this long ends. */
  readonly idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  readonly absoluteMs: number;
}

export const defaultSessionLifetimes: SessionLifetimes = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export interface RequestMeta {
  readonly ip: string;
  readonly userAgent?: string;
}

/** A new session token for the cookie, with its end. */
export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
  readonly result: SignInResult;
}

/** Staff sessions: sign-in (with its second factor), the principal behind a cookie, sign-out. */
export interface SessionService {
  signIn(input: SignInInput, meta: RequestMeta): Promise<IssuedSession>;
  verifyMfa(token: string, code: string, meta: RequestMeta): Promise<IssuedSession>;
  principalOf(token: string): Promise<Principal | null>;
  info(token: string): Promise<SessionInfo | null>;
  switchInstitution(token: string, institutionCode: string): Promise<SessionInfo>;
  signOut(token: string): Promise<void>;
}

const SIGN_IN_FAILED = 'sign-in failed: check the institution, username and password';
const TOUCH_AFTER_MS = 60_000;
const PATRON = 'PATRON';

const signInFailed = () => new UnauthorizedError(SIGN_IN_FAILED);

export function createSessionService(deps: {
  prisma: PrismaClient;
  modules: ModuleService;
  permissions: ReadonlyMap<string, DeclaredPermission>;
  accountThrottle: SignInThrottle;
  addressThrottle: SignInThrottle;
  lifetimes?: SessionLifetimes;
}): SessionService {
  const { prisma, modules, accountThrottle, addressThrottle } = deps;
  const lifetimes = deps.lifetimes ?? defaultSessionLifetimes;

  const staffRolesWhere = (now: Date) => ({
    active: true,
    role: { not: PATRON },
    OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
  });

  const refuseIfThrottled = async (keys: [SignInThrottle, string][]) => {
    for (const [throttle, key] of keys) {
      const minutes = await throttle.blockedFor(key);
      if (minutes > 0) {
        throw new TooManyRequestsError(
          `too many failed sign-ins; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
        );
      }
    }
  };

  const issue = async (
    account: { id: string; mfaEnabled: boolean; mustChangePassword: boolean },
    institutionId: string,
    mfaPending: boolean,
    meta: RequestMeta,
  ): Promise<IssuedSession> => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + lifetimes.absoluteMs);
    await prisma.staffSession.create({
      data: {
        tokenHash: sha256(token),
        accountId: account.id,
        institutionId,
        mfaPending,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500),
      },
    });
    const result: SignInResult = mfaPending
      ? { status: 'mfaRequired' }
      : account.mustChangePassword
        ? { status: 'passwordChangeRequired' }
        : { status: 'signedIn' };
    return { token, expiresAt, result };
  };

  /** The live session behind a token, ended and forgotten when it has expired. */
  const liveSession = async (token: string) => {
    const tokenHash = sha256(token);
    const session = await prisma.staffSession.findUnique({
      where: { tokenHash },
      select: {
        tokenHash: true,
        institutionId: true,
        mfaPending: true,
        lastSeenAt: true,
        expiresAt: true,
        account: {
          select: {
            id: true,
            username: true,
            displayName: true,
            active: true,
            mustChangePassword: true,
            mfaEnabled: true,
            mfaSecret: true,
            recoveryCodeHashes: true,
            institutionId: true,
          },
        },
      },
    });
    if (!session) return null;
    const now = Date.now();
    const expired = now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= lifetimes.idleMs;
    if (expired || !session.account.active) {
      await prisma.staffSession.deleteMany({ where: { tokenHash } });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await prisma.staffSession.update({ where: { tokenHash }, data: { lastSeenAt: new Date(now) } });
    }
    return session;
  };

  const staffRolesOf = (accountId: string) =>
    prisma.roleAssignment.findMany({
      where: { accountId, ...staffRolesWhere(new Date()) },
      select: {
        role: true,
        libraryId: true,
        institution: { select: { id: true, code: true, name: true } },
        library: { select: { code: true } },
      },
      orderBy: { createdAt: 'asc' },
    });

  const service: SessionService = {
    async signIn(input, meta) {
      const accountKey = `${input.institution.toUpperCase()}:${input.username.trim().toLowerCase()}`;
      const addressKey = meta.ip;
      await refuseIfThrottled([
        [accountThrottle, accountKey],
        [addressThrottle, addressKey],
      ]);
      const account = await prisma.staffAccount.findFirst({
        where: {
          institution: { code: { equals: input.institution, mode: 'insensitive' } },
          usernameKey: input.username.trim().toLowerCase(),
        },
        select: {
          id: true,
          passwordHash: true,
          active: true,
          mfaEnabled: true,
          mustChangePassword: true,
          institutionId: true,
        },
      });
      const passwordOk = account
        ? await verifyPassword(account.passwordHash, input.password)
        : await verifyNothing(input.password);
      if (!account || !passwordOk || !account.active) {
        await accountThrottle.recordFailure(accountKey);
        await addressThrottle.recordFailure(addressKey);
        throw signInFailed();
      }
      await accountThrottle.reset(accountKey);

      const roles = await staffRolesOf(account.id);
      if (roles.length === 0) {
        throw new ForbiddenError('this account has no staff access');
      }
      const home = roles.find((r) => r.institution.id === account.institutionId) ?? roles[0];
      await prisma.staffAccount.update({ where: { id: account.id }, data: { lastSignInAt: new Date() } });
      return issue(account, home?.institution.id ?? account.institutionId, account.mfaEnabled, meta);
    },

    async verifyMfa(token, code, meta) {
      const session = await liveSession(token);
      if (!session?.mfaPending) {
        throw new UnauthorizedError('sign in with your password first');
      }
      const { account } = session;
      const throttleKey = `mfa:${account.id}`;
      await refuseIfThrottled([[accountThrottle, throttleKey]]);
      const recoveryIndex = account.recoveryCodeHashes.indexOf(sha256(code));
      const valid = (account.mfaSecret && verifyTotp(account.mfaSecret, code)) || recoveryIndex >= 0;
      if (!valid) {
        await accountThrottle.recordFailure(throttleKey);
        throw ValidationError.of('code', 'is not valid');
      }
      await accountThrottle.reset(throttleKey);
      if (recoveryIndex >= 0) {
        await prisma.staffAccount.update({
          where: { id: account.id },
          data: { recoveryCodeHashes: account.recoveryCodeHashes.filter((_, i) => i !== recoveryIndex) },
        });
      }
      // A new token once the second factor passes, so the half-signed-in token is worth nothing.
      await prisma.staffSession.delete({ where: { tokenHash: session.tokenHash } });
      return issue(account, session.institutionId, false, meta);
    },

    async principalOf(token) {
      const session = await liveSession(token);
      if (!session || session.mfaPending) return null;
      const roles = (await staffRolesOf(session.account.id)).filter((r) => r.institution.id === session.institutionId);
      const institutionWide = roles.some((r) => r.libraryId === null);
      return {
        kind: 'staff',
        id: session.account.id,
        displayName: session.account.displayName,
        institutionId: session.institutionId,
        permissions: permissionsOfRoles(
          roles.map((r) => r.role),
          deps.permissions,
        ),
        libraryScope: {
          all: institutionWide,
          libraryIds: new Set(roles.flatMap((r) => (r.libraryId ? [r.libraryId] : []))),
        },
        mustChangePassword: session.account.mustChangePassword,
      };
    },

    async info(token) {
      const session = await liveSession(token);
      if (!session || session.mfaPending) return null;
      const principal = await service.principalOf(token);
      if (!principal) return null;
      const roles = await staffRolesOf(session.account.id);
      const institutions = new Map(roles.map((r) => [r.institution.id, r.institution]));
      const current = institutions.get(session.institutionId);
      const enabled = (await modules.list(session.institutionId)).filter((m) => m.enabled);
      return {
        account: {
          id: session.account.id,
          username: session.account.username,
          displayName: session.account.displayName,
        },
        institution: { code: current?.code ?? '', name: current?.name ?? '' },
        institutions: [...institutions.values()].map(({ code, name }) => ({ code, name })),
        permissions: [...principal.permissions].sort(),
        roles: roles
          .filter((r) => r.institution.id === session.institutionId)
          .map((r) => ({
            role: builtInRoles[r.role as keyof typeof builtInRoles] ?? r.role,
            library: r.library?.code ?? null,
          })),
        modules: enabled.map(({ id, title }) => ({ id, title })),
        mustChangePassword: session.account.mustChangePassword,
        mfaEnabled: session.account.mfaEnabled,
      };
    },

    async switchInstitution(token, institutionCode) {
      const session = await liveSession(token);
      if (!session || session.mfaPending) throw new UnauthorizedError('sign in first');
      const target = (await staffRolesOf(session.account.id)).find(
        (r) => r.institution.code.toLowerCase() === institutionCode.toLowerCase(),
      );
      if (!target) throw new ForbiddenError(`you hold no role in institution "${institutionCode}"`);
      await prisma.staffSession.update({
        where: { tokenHash: session.tokenHash },
        data: { institutionId: target.institution.id },
      });
      return (await service.info(token)) as SessionInfo;
    },

    async signOut(token) {
      await prisma.staffSession.deleteMany({ where: { tokenHash: sha256(token) } });
    },
  };
  return service;
}
