import type { IdentifierGenerator } from '../contracts/users-extension-points.js';

/** The default user ID generation: a prefix and the institution's next number, zero-padded. */
export const prefixSequenceGenerator: IdentifierGenerator = {
  id: 'prefix-sequence',
  async generate({ config, nextInSequence }) {
    return `${config.prefix}${String(await nextInSequence()).padStart(config.digits, '0')}`;
  },
};
