import type { InstitutionRef } from '@ulms/platform';

/** Who acts on a fee, and in which institution. */
export interface FeeActor {
  readonly institution: InstitutionRef;
  readonly actor: string;
}
