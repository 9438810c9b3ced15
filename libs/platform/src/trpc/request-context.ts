import type { ServiceContainer } from '../plugin/service-ref.js';

/** Who is calling: a signed-in staff member, an API key, a job, or the system itself. */
export interface Principal {
  readonly kind: 'staff' | 'apiKey' | 'job' | 'system';
  readonly id: string;
  readonly displayName: string;
  /** A signed-in person's sign-in name (their record's primary identifier); absent for keys, jobs and the system. */
  readonly loginName?: string;
  readonly institutionId: string;
  readonly permissions: ReadonlySet<string>;
  /** Libraries whose library-owned data the caller may see; `all` when a role covers the institution. */
  readonly libraryScope?: { readonly all: boolean; readonly libraryIds: ReadonlySet<string> };
  /** Set while the session may do nothing but change its password. */
  readonly mustChangePassword?: boolean;
}

/** The HTTP side of a call: where it came from and how to set the session cookie. */
export interface HttpExchange {
  readonly ip: string;
  readonly userAgent: string | undefined;
  readonly sessionToken: string | undefined;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

/** The institution a guarded procedure runs for, resolved by `institutionProcedure`. */
export interface InstitutionRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timeZone: string;
  readonly defaultCurrency: string;
  readonly defaultLanguage: string;
  readonly libraryIndependence: boolean;
}

/** What every procedure receives. Services come from here, never from module singletons. */
export interface RequestContext {
  readonly services: ServiceContainer;
  readonly principal: Principal | null;
  readonly requestId: string;
  /** Present for calls over HTTP; absent for in-process callers such as jobs and tests. */
  readonly http?: HttpExchange;
}
