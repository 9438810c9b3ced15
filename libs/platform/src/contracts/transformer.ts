import { Decimal } from 'decimal.js';
import superjson from 'superjson';

// Money crosses the wire as an exact decimal string and comes back as a Decimal, never a float.
// Prisma's Decimal is decimal.js too, so `isDecimal` recognises both.
superjson.registerCustom<Decimal, string>(
  {
    isApplicable: (value): value is Decimal => Decimal.isDecimal(value),
    serialize: (value) => value.toString(),
    deserialize: (value) => new Decimal(value),
  },
  'decimal',
);

/** The tRPC transformer shared by the server and the admin app: Dates and Decimals arrive intact. */
export const transformer = superjson;
export { Decimal };
