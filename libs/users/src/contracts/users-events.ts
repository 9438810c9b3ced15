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
  userTouched: defineEvent<UserEventPayload & { readonly reason: string }>('user.touched'),
};
