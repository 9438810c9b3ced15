import { describe, expect, it } from 'vitest';
import { asCreateUserError } from './sponsor-error.js';

const refused = (fieldErrors: { field: string; message: string }[]) => ({
  message: 'invalid input',
  data: { code: 'BAD_REQUEST', fieldErrors },
});

describe("a refused fulfillment proxy's error, as Quick User Management shows it", () => {
  it("puts the user's fields under the form's own names", () => {
    const error = asCreateUserError(refused([{ field: 'user.primaryId', message: 'is already in use' }]));
    expect(error).toEqual({
      message: 'invalid input',
      data: { code: 'BAD_REQUEST', fieldErrors: [{ field: 'primaryId', message: 'is already in use' }] },
    });
  });

  it("makes the sponsor's refusal the form's sentence, the form having no sponsor field", () => {
    const error = asCreateUserError(
      refused([{ field: 'sponsorUserId', message: 'a Contact user cannot take part in proxies' }]),
    );
    expect(error).toMatchObject({
      message: 'Sponsor: a Contact user cannot take part in proxies',
      data: { fieldErrors: [] },
    });
  });

  it('leaves an error without field errors as it is', () => {
    const failure = new Error('the network is down');
    expect(asCreateUserError(failure)).toBe(failure);
  });
});
