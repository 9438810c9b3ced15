import type { UserDto } from '@ulms/users/contracts';

/** A Contact user (a vendor's contact) borrows nothing, so it cannot be blocked: no Blocks tab for it. */
export const isBlockable = (user: UserDto): boolean => user.recordType !== 'CONTACT';
