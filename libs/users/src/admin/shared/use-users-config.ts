import { useQuery } from '@tanstack/react-query';
import type { RecordType, UsersConfig } from '@ulms/users/contracts';
import { useMemo } from 'react';
import { useUsersTrpc } from '../users-admin-context.js';

export interface RegistrationRules {
  /** Fields the registration form requires for the record type. */
  readonly mandatory: ReadonlySet<string>;
  readonly canGeneratePin: boolean;
  readonly generatesPrimaryId: boolean;
  /** Per identifier type, the format its values must have (checked before sending too). */
  readonly identifierFormats: UsersConfig['identifierFormats'];
}

/** The parts of the institution's users configuration the forms follow. */
export function useRegistrationRules(recordType: RecordType | null): RegistrationRules {
  const trpc = useUsersTrpc();
  const config = useQuery(trpc.users.config.queryOptions());
  return useMemo(() => {
    const data = config.data;
    const mandatory = new Set<string>(data && recordType ? data.registrationForm[recordType] : []);
    const generatesPrimaryId = data?.userIdGeneration.enabled ?? false;
    if (generatesPrimaryId) mandatory.delete('primaryId');
    return {
      mandatory,
      canGeneratePin: data?.pinNumberMethod === 'fourDigit',
      generatesPrimaryId,
      identifierFormats: data?.identifierFormats,
    };
  }, [config.data, recordType]);
}
