import { defineEvent } from '@ulms/platform/contracts';

export interface UserEventPayload {
  readonly institutionId: string;
  readonly userId: string;
  readonly actor: string;
}

/** Domain events of the users module; any plugin may subscribe. */
export const usersEvents = {
  userCreated: defineEvent<UserEventPayload>('user.created'),
  userUpdated: defineEvent<UserEventPayload & { readonly changedFields: readonly string[] }>('user.updated'),
  /** Raised by other modules (a note or block added) to move the user's last-updated date. */
  userTouched: defineEvent<
    UserEventPayload & {
      readonly reason: string;
      /** A History tab entry for the change (blocks, proxy for), when it is one the reference lists. */
      readonly history?: {
        readonly field: 'blocks' | 'proxyFor';
        readonly oldValue: string | null;
        readonly newValue: string | null;
      };
      readonly actorKind?: string;
    }
  >('user.touched'),
  userDeleted: defineEvent<UserEventPayload & { readonly primaryId: string }>('user.deleted'),
  /** An activity of the reference's list (request, loan, return, renewal, portal update); others raise it. */
  patronActivity: defineEvent<{
    readonly institutionId: string;
    readonly userId: string;
    readonly activity: 'request' | 'loan' | 'return' | 'renewal' | 'portalUpdate';
    readonly at: Date;
  }>('user.patronActivity'),
};
