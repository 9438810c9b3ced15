import { describe, expect, it } from 'vitest';
import type { AlmaUserJson } from './sis-extension-points.js';
import { applyCsvTarget, csvTargetError, csvTargetExamples } from './sis-csv-targets.js';

describe('csvTargetError', () => {
  it('accepts the examples and every kind of target', () => {
    const targets = [
      ...csvTargetExamples,
      'middle_name',
      'pref_last_name',
      'cataloger_level',
      'address.HOME-2.postal_code',
      'address.x_y.line5',
      'address.x.state_province',
      'note.POPUP',
    ];
    expect(targets.map((t) => [t, csvTargetError(t)])).toStrictEqual(targets.map((t) => [t, null]));
  });

  it.each([
    ['foo', /^"foo" is not a field: use primary_id, user_group, email.<type>/],
    ['full_name', /is not a field/],
    ['contact_info.email.email_address', /is not a field/],
    ['email', /is not a field/],
    ['email.', /"" in "email." may hold letters, digits, - and _ only/],
    ['email.per sonal', /may hold letters, digits/],
    ['email.personal.extra', /one part too many \(email.<type>\)/],
    ['address.home', /must end with one of line1, .* \(address.<type>.<part>\)/],
    ['address.home.street', /must end with one of/],
    ['address.home.city.x', /must end with one of/],
  ])('refuses %s', (field, message) => {
    expect(csvTargetError(field)).toMatch(message);
  });
});

describe('applyCsvTarget', () => {
  it('fills one address per type, preferring the first', () => {
    const user: AlmaUserJson = {};
    applyCsvTarget(user, 'address.home.line1', 'L1');
    applyCsvTarget(user, 'address.work.city', 'C');
    applyCsvTarget(user, 'address.home.country', 'USA');
    expect(user).toStrictEqual({
      contact_info: {
        address: [
          {
            address_type: [{ value: 'home' }],
            preferred: true,
            segment_type: 'External',
            line1: 'L1',
            country: { value: 'USA' },
          },
          { address_type: [{ value: 'work' }], preferred: false, segment_type: 'External', city: 'C' },
        ],
      },
    });
  });

  it('writes code fields as { value } and text fields as text', () => {
    const user: AlmaUserJson = {};
    applyCsvTarget(user, 'gender', 'FEMALE');
    applyCsvTarget(user, 'birth_date', '2001-02-03');
    expect(user).toStrictEqual({ gender: { value: 'FEMALE' }, birth_date: '2001-02-03' });
  });

  it('refuses a target that is not one', () => {
    expect(() => applyCsvTarget({}, 'nope', 'x')).toThrow(/"nope" is not a field/);
  });
});
