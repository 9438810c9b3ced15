import type { AlmaUserJson } from '@ulms/sis';
import { syntheticUser, writeLargeSisXml } from '@ulms/sis/testing';

/**
 * The SIS files of the synchronisation scenarios, users `SIS<i>` numbered from 1 (the test kit's synthetic external
 * PUBLIC users: UNDERGRAD, a personal email, a barcode). Of the first `base` users (the initial load) 30% change in
 * the synchronised file: i % 10 = 0 or 1 a new last name, i % 10 = 2 a new email (a list the load replaces); the
 * users after `base` are new.
 */
export interface SisFilePlan {
  /** Users of the initial load: 1 … base. */
  readonly base: number;
  /** Users of the synchronised file: 1 … total (total − base of them new). */
  readonly total: number;
}

/** Whether user `i` of the initial load changes in the synchronised file, and how. */
export const changeOf = (i: number, plan: SisFilePlan): 'lastName' | 'email' | null => {
  if (i > plan.base) return null;
  const r = i % 10;
  return r === 0 || r === 1 ? 'lastName' : r === 2 ? 'email' : null;
};

/** How many of the initial load's users the synchronised file changes (30% of them). */
export const changedCount = (plan: SisFilePlan) => {
  let n = 0;
  for (let i = 1; i <= plan.base; i += 1) if (changeOf(i, plan)) n += 1;
  return n;
};

/** User `i` as the initial load holds it. */
export const initialUser = (i: number): AlmaUserJson => syntheticUser(i);

/** User `i` as the synchronised file holds it (and every later file: the run after it changes nothing). */
export const synchronisedUser =
  (plan: SisFilePlan) =>
  (i: number): AlmaUserJson => {
    switch (changeOf(i, plan)) {
      case 'lastName':
        return syntheticUser(i, { last_name: `Renamed${i}` });
      case 'email':
        return syntheticUser(i, {
          contact_info: {
            email: [
              {
                email_address: `moved${i}@example.edu`,
                email_type: [{ value: 'personal' }],
                preferred: true,
                segment_type: 'External',
              },
            ],
          },
        });
      default:
        return syntheticUser(i);
    }
  };

/** Writes `count` users made by `userOf`, numbered from `first`, as a streamed SIS XML file `dir/name`. */
export function writeSisFile(
  dir: string,
  name: string,
  count: number,
  userOf: (i: number) => AlmaUserJson,
  first = 1,
): Promise<string> {
  return writeLargeSisXml(dir, name, count, (k) => userOf(first - 1 + k));
}
