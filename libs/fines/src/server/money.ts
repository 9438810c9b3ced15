import { ValidationError } from '@ulms/platform';
import { Decimal } from 'decimal.js';

/** Cents, rounded half-up: every action rounds its amounts so. */
export const toCents = (value: Decimal.Value): Decimal => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The form amounts are shown and stored in: `12.50`, `-3.00`. */
export const money = (value: Decimal.Value | { toString(): string }): string =>
  new Decimal(value.toString()).toFixed(2);

/** The largest amount a DECIMAL(12,2) column holds. */
const MAX = new Decimal('9999999999.99');

/** An amount typed by staff: a non-negative decimal, rounded half-up to cents; the error names `field`. */
export function parseAmount(field: string, raw: string): Decimal {
  const text = raw.trim();
  if (/^-/.test(text)) throw ValidationError.of(field, 'must not be negative');
  if (!/^\d{1,10}(\.\d{1,20})?$|^\.\d{1,20}$/.test(text)) throw ValidationError.of(field, 'is not an amount');
  const amount = toCents(text);
  if (amount.greaterThan(MAX)) throw ValidationError.of(field, `must not be more than ${MAX.toFixed(2)}`);
  return amount;
}
