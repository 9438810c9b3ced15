import { describe, expect, it } from 'vitest';
import { usersDemoCounts, usersDemoFirstPrimaryId, usersDemoUsers } from './users-demo.users.js';

describe('usersDemoUsers', () => {
  const today = '2026-03-01';
  const users = usersDemoUsers(today);

  it('is the same on every run for a day', () => {
    expect(usersDemoUsers(today)).toEqual(users);
    expect(users[0]?.primaryId).toBe(usersDemoFirstPrimaryId);
  });

  it('has 300 users of every kind, with identifiers unique across them all', () => {
    const total = Object.values(usersDemoCounts).reduce((sum, n) => sum + n, 0);
    expect(users).toHaveLength(300);
    expect(total).toBe(300);
    const values = users.flatMap((u) =>
      [u.primaryId, ...(u.identifiers ?? []).map((i) => i.value)].map((v) => v?.toLowerCase()),
    );
    expect(new Set(values).size).toBe(values.length);
    expect(users.map((u) => u.primaryId)).toEqual(
      expect.arrayContaining(['s1000123', 'f2000001', 'staff017', 'vendor03']),
    );
  });

  it('has exactly one pair sharing first name, last name and birth date, the second confirmed', () => {
    const keys = users.filter((u) => u.birthDate).map((u) => `${u.firstName}|${u.lastName}|${u.birthDate}`);
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(repeated).toEqual(['María|García|2004-03-15']);
    expect(users.filter((u) => u.confirmDuplicate).map((u) => u.primaryId)).toEqual(['s1000102']);
  });

  it('mixes expired, inactive, external and preferred-name users', () => {
    expect(users.filter((u) => u.expiryDate && u.expiryDate < today).length).toBeGreaterThan(10);
    expect(users.filter((u) => u.status === 'INACTIVE').length).toBeGreaterThan(3);
    expect(users.filter((u) => u.accountType === 'EXTERNAL' && u.externalId === 'SIS').length).toBeGreaterThan(50);
    expect(users.filter((u) => u.prefFirstName).length).toBeGreaterThan(5);
    expect(users.some((u) => u.lastName === 'Ødegård')).toBe(true);
  });
});
