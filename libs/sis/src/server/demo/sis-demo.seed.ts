import type { ServiceContainer } from '@ulms/platform';
import { sisProfilesRef } from '../sis-refs.js';

/**
 * Two integration profiles: `SIS`, which owns the demo's external users (SIS XML, synchronize, missing users
 * deactivated on a full load), and `REGISTRAR_CSV`, a CSV export with its column mapping. Idempotent.
 */
export async function seedSisDemo(services: ServiceContainer, institutionId: string): Promise<{ profiles: number }> {
  const profiles = services.get(sisProfilesRef);
  const existing = new Set((await profiles.list(institutionId)).map((p) => p.code));
  let added = 0;
  if (!existing.has('SIS')) {
    await profiles.save(institutionId, {
      code: 'SIS',
      settings: {
        name: 'Registrar (SIS XML)',
        format: 'sis.xml',
        mode: 'SYNCHRONIZE',
        defaults: { userGroup: 'UNDERGRAD', expiryDays: 365 },
        missingUsers: { action: 'DEACTIVATE', expireAfterDays: 0 },
      },
    });
    added += 1;
  }
  if (!existing.has('REGISTRAR_CSV')) {
    await profiles.save(institutionId, {
      code: 'REGISTRAR_CSV',
      settings: {
        name: 'Registrar export (CSV)',
        format: 'sis.csv',
        mode: 'SYNCHRONIZE',
        defaults: { userGroup: 'UNDERGRAD' },
        csvMapping: [
          { column: 'id', field: 'primary_id' },
          { column: 'given', field: 'first_name' },
          { column: 'family', field: 'last_name' },
          { column: 'group', field: 'user_group' },
          { column: 'mail', field: 'email.personal' },
          { column: 'barcode', field: 'identifier.BARCODE' },
        ],
      },
    });
    added += 1;
  }
  return { profiles: added };
}
