import type { UserDto } from '@ulms/users/contracts';

/** A Contact user (a vendor's contact) neither acts for anyone nor has proxies: no Proxy For tab for them. */
export const takesPartInProxies = (user: UserDto): boolean => user.recordType !== 'CONTACT';
