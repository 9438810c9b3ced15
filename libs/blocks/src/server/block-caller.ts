import type { InstitutionRef, Principal } from '@ulms/platform';

/** Who acts on blocks: the institution, and the principal whose library scope decides which blocks it sees. */
export interface BlockCaller {
  readonly institution: InstitutionRef;
  readonly principal: Pick<Principal, 'displayName' | 'libraryScope'>;
}
