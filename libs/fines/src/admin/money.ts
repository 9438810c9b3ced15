/** An amount as the server sends it ("12.50", "-3.00") with the currency: "12.50 USD". */
export function formatMoney(amount: string, currency: string): string {
  return currency ? `${amount} ${currency}` : amount;
}
