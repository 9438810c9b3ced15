import { z } from 'zod';
import { institutionCode } from '../../contracts/tenancy.schema.js';
import type { ServiceContainer } from '../../plugin/service-ref.js';
import { externalAuthServices } from './external-auth-services.js';
import { tenancyServices } from '../../tenancy/tenancy-services.js';

export const signInOptionsInput = z.object({ institution: institutionCode });

/** How people of an institution may sign in: the password form, and a provider's button where one is configured. */
export interface SignInOptions {
  readonly password: true;
  readonly oidc: { readonly displayName: string; readonly startUrl: string } | null;
}

/** Where the browser goes to sign in at the institution's OpenID Connect provider. */
export function oidcStartPath(institutionCode: string): string {
  return `/auth/oidc/${encodeURIComponent(institutionCode)}/start`;
}

/** The sign-in options of the institution with this code; an unknown code has the password form only. */
export async function signInOptionsFor(services: ServiceContainer, code: string): Promise<SignInOptions> {
  const institution = await services.get(tenancyServices.institutions).findByCodeAnyCase(code);
  const oidc = institution ? await services.get(externalAuthServices.oidc).optionsFor(institution.id) : null;
  return {
    password: true,
    oidc: institution && oidc ? { displayName: oidc.displayName, startUrl: oidcStartPath(institution.code) } : null,
  };
}
