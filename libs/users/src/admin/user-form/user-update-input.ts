import { type UpdateUserInput, type UserDto, userDtoToFields } from '@ulms/users/contracts';

/**
 * The update input that saves `user` as it is: the starting point of every change made on User Details,
 * which the caller overrides with what changed (a list of emails, the general fields, …).
 */
export function updateInputOf(user: UserDto): UpdateUserInput {
  return { id: user.id, version: user.version, ...userDtoToFields(user) };
}
