import type { ServiceContainer } from '../plugin/service-ref.js';

/** Who is calling: a signed-in staff member, an API key, a job, or the system itself. */
export interface Principal {
  readonly kind: 'staff' | 'apiKey' | 'job' | 'system';
  readonly id: string;
  readonly displayName: string;
  readonly institutionId: string;
  readonly permissions: ReadonlySet<string>;
}

/** The institution a guarded procedure runs for, resolved by `institutionProcedure`. */
export interface InstitutionRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly timeZone: string;
  readonly defaultCurrency: string;
  readonly defaultLanguage: string;
}

/** What every procedure receives. Services come from here, never from module singletons. */
export interface RequestContext {
  readonly services: ServiceContainer;
  readonly principal: Principal | null;
  readonly requestId: string;
}
