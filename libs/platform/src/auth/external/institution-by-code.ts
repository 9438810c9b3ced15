import type { ServiceContainer } from '../../plugin/service-ref.js';
import { coreServices } from '../../plugin/core-services.js';

/** The institution a person typed the code of, in any case (as the password sign-in reads it); null if none. */
export function institutionByCode(
  services: ServiceContainer,
  code: string,
): Promise<{ readonly id: string; readonly code: string } | null> {
  return services.get(coreServices.prisma).institution.findFirst({
    where: { code: { equals: code, mode: 'insensitive' } },
    select: { id: true, code: true },
  });
}
