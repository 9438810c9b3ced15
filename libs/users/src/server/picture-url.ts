import type { UsersConfig } from '../contracts/users-config.schema.js';
import { PRIMARY_ID_TYPE } from '../contracts/identifiers.js';

/**
 * The user's picture after the reference: `<photo_server_url><identifier>.<photo_suffix>`, the identifier
 * being the primary one (USERNAME) or the first of the configured type. Null when not configured or absent.
 */
export function pictureUrlOf(
  user: { primaryId: string; identifiers: readonly { idType: string; value: string }[] },
  config: Pick<UsersConfig, 'photoServerUrl' | 'photoIdentifierType' | 'photoSuffix'>,
): string | null {
  if (!config.photoServerUrl) return null;
  const identifier =
    config.photoIdentifierType === 'USERNAME' || config.photoIdentifierType === PRIMARY_ID_TYPE
      ? user.primaryId
      : user.identifiers.find((i) => i.idType === config.photoIdentifierType)?.value;
  if (!identifier) return null;
  return `${config.photoServerUrl}${encodeURIComponent(identifier)}.${config.photoSuffix}`;
}
