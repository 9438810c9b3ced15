import type { BlockRule } from '../contracts/blocks-extension-points.js';

/** Blocks a user whose record's expiry date has passed. */
export const expiredUserRule: BlockRule = {
  id: 'blocks.expired-user',
  title: 'Expired user',
  description: "Blocks every action once the user's record is past its expiry date.",
  effects: { borrowing: true, renewals: true, requests: true },
  async blocked({ users, today }) {
    return new Map(
      users
        .filter((user) => user.expiryDate !== null && user.expiryDate < today)
        .map((user) => [user.id, `the user's record expired on ${user.expiryDate}`]),
    );
  },
};
