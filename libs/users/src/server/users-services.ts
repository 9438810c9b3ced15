// The refs live in the contracts (`parts` included); kept at this path for those who import them from here.
export { usersServices } from '../contracts/users-services.js';
