import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { SessionInfo, SignInInput, SignInResult } from '../contracts/auth.schema.js';
import {
  authExtensionPoints,
  type HeldRole,
  type PrincipalResolver,
  type RoleSource,
  type SignInSubject,
} from '../contracts/identity.js';
import { builtInRoles } from '../contracts/roles.js';
import { ForbiddenError, TooManyRequestsError, UnauthorizedError, ValidationError } from '../errors/domain-errors.js';
import type { DeclaredPermission } from '../plugin/declared-permission.js';
import type { EnabledExtensions } from '../plugin/service-ref.js';
import type { InstitutionService } from '../tenancy/institution.service.js';
import type { ModuleService } from '../tenancy/module.service.js';
import type { Principal } from '../trpc/request-context.js';
import { sha256 } from './credential.service.js';
import type { PasswordDirectory } from './external/password-directory.js';
import { verifyNothing, verifyPassword } from './password.js';
import { permissionsOfRoles } from './role-permissions.js';
import type { SignInThrottle } from './sign-in-throttle.js';
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
  /** Opens a session for a subject an external authenticator (OpenID Connect) has vouched for. */
  startFor(institutionId: string, subject: SignInSubject, meta: RequestMeta): Promise<IssuedSession>;
  verifyMfa(token: string, code: string, meta: RequestMeta): Promise<IssuedSession>;
  principalOf(token: string): Promise<Principal | null>;
  info(token: string): Promise<SessionInfo | null>;
  signOut(token: string): Promise<void>;
}

const SIGN_IN_FAILED = 'sign-in failed: check the institution, username and password';
const TOUCH_AFTER_MS = 60_000;
const PATRON = 'PATRON';

const signInFailed = () => new UnauthorizedError(SIGN_IN_FAILED);
const staffRoles = (roles: readonly HeldRole[]) => roles.filter((r) => r.role !== PATRON);

export function createSessionService(deps: {
  prisma: PrismaClient;
  institutions: InstitutionService;
  modules: ModuleService;
  extensions: EnabledExtensions;
  permissions: ReadonlyMap<string, DeclaredPermission>;
  accountThrottle: SignInThrottle;
  addressThrottle: SignInThrottle;
  /** The institution's LDAP directory, for people who sign in with its password. */
  directory?: PasswordDirectory;
  lifetimes?: SessionLifetimes;
}): SessionService {
  const { prisma, institutions, modules, extensions, accountThrottle, addressThrottle } = deps;
  const lifetimes = deps.lifetimes ?? defaultSessionLifetimes;

  /** Who people are, in one institution: null where no enabled module keeps them (only API keys work there). */
  const identityIn = async (
    institutionId: string,
  ): Promise<{ resolver: PrincipalResolver; roles: RoleSource } | null> => {
    const [[resolver], [roles]] = await Promise.all([
      extensions.for(authExtensionPoints.principalResolver, institutionId),
      extensions.for(authExtensionPoints.roleSource, institutionId),
    ]);
    return resolver && roles ? { resolver, roles } : null;
  };

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
    credential: { id: string; mustChangePassword: boolean },
    institutionId: string,
    mfaPending: boolean,
    meta: RequestMeta,
  ): Promise<IssuedSession> => {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + lifetimes.absoluteMs);
    await prisma.staffSession.create({
      data: {
        tokenHash: sha256(token),
        accountId: credential.id,
        institutionId,
        mfaPending,
        expiresAt,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 500),
      },
    });
    const result: SignInResult = mfaPending
      ? { status: 'mfaRequired' }
      : credential.mustChangePassword
        ? { status: 'passwordChangeRequired' }
        : { status: 'signedIn' };
    return { token, expiresAt, result };
  };

  /** Staff access needs at least one active staff role (the Patron role grants nothing here). */
  const requireStaffRoles = async (roleSource: RoleSource, institutionId: string, subjectId: string) => {
    if (staffRoles(await roleSource.activeRolesOf(institutionId, subjectId)).length === 0) {
      throw new ForbiddenError('this account has no staff access');
    }
  };

  /**
   * The live session behind a token with the subject it belongs to. A session that has expired, or whose
   * subject may no longer sign in (inactive, expired, deleted, or the module that keeps people switched
   * off), is ended and forgotten.
   */
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
            mustChangePassword: true,
            mfaEnabled: true,
            mfaSecret: true,
            recoveryCodeHashes: true,
          },
        },
      },
    });
    if (!session) return null;
    const now = Date.now();
    const expired = now >= session.expiresAt.getTime() || now - session.lastSeenAt.getTime() >= lifetimes.idleMs;
    const identity = expired ? null : await identityIn(session.institutionId);
    const subject = identity ? await identity.resolver.byId(session.institutionId, session.account.id) : null;
    if (!identity || !subject?.maySignIn) {
      await prisma.staffSession.deleteMany({ where: { tokenHash } });
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await prisma.staffSession.update({ where: { tokenHash }, data: { lastSeenAt: new Date(now) } });
    }
    return { ...session, subject, roleSource: identity.roles };
  };

  type LiveSession = NonNullable<Awaited<ReturnType<typeof liveSession>>>;

  /** A live session past its second factor with the staff roles it holds now; null when it holds none. */
  const signedInSession = async (token: string) => {
    const session = await liveSession(token);
    if (!session || session.mfaPending) return null;
    const roles = staffRoles(await session.roleSource.activeRolesOf(session.institutionId, session.subject.id));
    return roles.length > 0 ? { session, roles } : null;
  };

  const principalFrom = (session: LiveSession, roles: readonly HeldRole[]): Principal => ({
    kind: 'staff',
    id: session.subject.id,
    displayName: session.subject.displayName,
    loginName: session.subject.loginName,
    institutionId: session.institutionId,
    permissions: permissionsOfRoles(
      roles.map((r) => r.role),
      deps.permissions,
    ),
    libraryScope: {
      all: roles.some((r) => r.libraryId === null),
      libraryIds: new Set(roles.flatMap((r) => (r.libraryId ? [r.libraryId] : []))),
    },
    mustChangePassword: session.account.mustChangePassword,
  });

  const service: SessionService = {
    async signIn(input, meta) {
      const login = input.username.trim();
      const accountKey = `${input.institution.toUpperCase()}:${login.toLowerCase()}`;
      const addressKey = meta.ip;
      await refuseIfThrottled([
        [accountThrottle, accountKey],
        [addressThrottle, addressKey],
      ]);
      const failed = async () => {
        await accountThrottle.recordFailure(accountKey);
        await addressThrottle.recordFailure(addressKey);
        return signInFailed();
      };

      const institution = await institutions.findByCodeAnyCase(input.institution);
      const identity = institution ? await identityIn(institution.id) : null;
      if (!institution || !identity) {
        await verifyNothing(input.password);
        throw await failed();
      }
      let subject = await identity.resolver.byLogin(institution.id, login);
      const credential = subject
        ? await prisma.credential.findUnique({
            where: { id: subject.id },
            select: { id: true, passwordHash: true, mfaEnabled: true, mustChangePassword: true },
          })
        : null;
      if (!subject || subject.authentication === 'external') {
        // People the institution's directory knows sign in with its password; theirs is never stored here.
        subject = deps.directory ? await deps.directory.authenticate(institution.id, login, input.password) : null;
        if (!subject?.maySignIn || subject.authentication !== 'external') throw await failed();
        await accountThrottle.reset(accountKey);
        await requireStaffRoles(identity.roles, institution.id, subject.id);
        return service.startFor(institution.id, subject, meta);
      }
      const passwordOk = credential?.passwordHash
        ? await verifyPassword(credential.passwordHash, input.password)
        : await verifyNothing(input.password);
      if (!credential || !passwordOk || !subject.maySignIn) throw await failed();
      await accountThrottle.reset(accountKey);
      await requireStaffRoles(identity.roles, institution.id, subject.id);
      await prisma.credential.update({ where: { id: credential.id }, data: { lastSignInAt: new Date() } });
      return issue(credential, institution.id, credential.mfaEnabled, meta);
    },

    async startFor(institutionId, subject, meta) {
      if (!subject.maySignIn) throw signInFailed();
      const identity = await identityIn(institutionId);
      if (!identity) throw signInFailed();
      await requireStaffRoles(identity.roles, institutionId, subject.id);
      const credential = await prisma.credential.upsert({
        where: { id: subject.id },
        create: { id: subject.id, institutionId, lastSignInAt: new Date() },
        update: { lastSignInAt: new Date() },
        select: { id: true, mustChangePassword: true },
      });
      return issue({ id: credential.id, mustChangePassword: false }, institutionId, false, meta);
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
        await prisma.credential.update({
          where: { id: account.id },
          data: { recoveryCodeHashes: account.recoveryCodeHashes.filter((_, i) => i !== recoveryIndex) },
        });
      }
      // A new token once the second factor passes, so the half-signed-in token is worth nothing.
      await prisma.staffSession.delete({ where: { tokenHash: session.tokenHash } });
      return issue(account, session.institutionId, false, meta);
    },

    async principalOf(token) {
      const signedIn = await signedInSession(token);
      return signedIn && principalFrom(signedIn.session, signedIn.roles);
    },

    async info(token) {
      const signedIn = await signedInSession(token);
      if (!signedIn) return null;
      const { session, roles } = signedIn;
      const [institution, libraries, enabled] = await Promise.all([
        institutions.findById(session.institutionId),
        institutions.listLibraries(session.institutionId),
        modules.list(session.institutionId),
      ]);
      const libraryCode = new Map(libraries.map((l) => [l.id, l.code]));
      return {
        account: {
          id: session.subject.id,
          username: session.subject.loginName,
          displayName: session.subject.displayName,
        },
        institution: { code: institution?.code ?? '', name: institution?.name ?? '' },
        permissions: [...principalFrom(session, roles).permissions].sort(),
        roles: roles.map((r) => ({
          role: builtInRoles[r.role as keyof typeof builtInRoles] ?? r.role,
          library: r.libraryId ? (libraryCode.get(r.libraryId) ?? null) : null,
        })),
        modules: enabled.filter((m) => m.enabled).map(({ id, title }) => ({ id, title })),
        mustChangePassword: session.account.mustChangePassword,
        mfaEnabled: session.account.mfaEnabled,
      };
    },

    async signOut(token) {
      await prisma.staffSession.deleteMany({ where: { tokenHash: sha256(token) } });
    },
  };
  return service;
}
