import type { UserChangeActor } from '@ulms/users/contracts';

/** Who changes proxy relations: the institution and the name History shows; the user-creating caller when needed. */
export interface ProxyCaller {
  readonly institutionId: string;
  readonly actor: string;
  /** The actor as the users module takes it, for creating a fulfillment proxy's record. */
  readonly asUserActor: UserChangeActor;
}
