import { describe, expect, it } from 'vitest';
import { addProxyForFormSchema, expiryFormSchema } from './proxy-form.schema.js';

describe('the Proxy For forms', () => {
  it('need a patron, and send an empty expiry date as none', () => {
    expect(addProxyForFormSchema.safeParse({ patronUserId: '', expiryDate: '' }).error?.issues[0]?.message).toBe(
      'choose the patron',
    );
    expect(addProxyForFormSchema.parse({ patronUserId: 'a-user', expiryDate: '' })).toEqual({
      patronUserId: 'a-user',
      expiryDate: null,
    });
  });

  it('keep a typed expiry date, and refuse what is not one', () => {
    expect(expiryFormSchema.parse({ expiryDate: '2031-03-31' })).toEqual({ expiryDate: '2031-03-31' });
    expect(expiryFormSchema.safeParse({ expiryDate: '31.03.2031' }).success).toBe(false);
  });
});
