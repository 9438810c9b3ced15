import type { UserDto } from '@ulms/users/contracts';

/** Fines and fees are a patron's: the tab shows for users whose record lists the Patron role (in any state). */
export const holdsPatronRole = (user: UserDto): boolean => user.roles.some((role) => role.role === 'PATRON');
