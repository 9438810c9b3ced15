import { authExtensionPoints, type SignInSubject } from '../../contracts/identity.js';
import type { EnabledExtensions } from '../../plugin/service-ref.js';

/**
 * The record an external sign-in vouches for: the one whose identifier of `identifierType` is `value`, if its
 * authentication is external. A local record (its password is the kernel's) and an institution without the
 * module that keeps people give null.
 */
export async function resolveExternalSubject(
  extensions: EnabledExtensions,
  institutionId: string,
  identifierType: string,
  value: string,
): Promise<SignInSubject | null> {
  const [resolver] = await extensions.for(authExtensionPoints.principalResolver, institutionId);
  if (!resolver || value.trim() === '') return null;
  const subject = await resolver.byIdentifier(institutionId, identifierType, value);
  return subject?.authentication === 'external' ? subject : null;
}
