import { z } from 'zod';

/** An optional date field: empty for no end. */
const optionalDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'must be a date such as 2027-01-31')
  .transform((value) => value || null);

/** Add Proxy For: the patron picked, and the last day the proxy may act for them. */
export const addProxyForFormSchema = z.object({
  patronUserId: z.string().min(1, 'choose the patron'),
  expiryDate: optionalDate,
});
export type AddProxyForFormValues = z.input<typeof addProxyForFormSchema>;
export type AddProxyForFormOutput = z.output<typeof addProxyForFormSchema>;

/** Change expiry date. */
export const expiryFormSchema = z.object({ expiryDate: optionalDate });
export type ExpiryFormValues = z.input<typeof expiryFormSchema>;
export type ExpiryFormOutput = z.output<typeof expiryFormSchema>;

/** The fields by the names the server gives them, so its messages show under them and in the summary. */
export const proxyFieldLabels: Readonly<Record<string, string>> = {
  patronUserId: 'Patron',
  proxyUserId: 'Proxy',
  expiryDate: 'Expiry date',
};
