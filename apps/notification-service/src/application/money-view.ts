/** A money amount as templates show it: `1,606.50 EUR` style, from integer minor units. */
export function moneyView(money: { amountMinor: number; currency: string }): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: money.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  const major = money.amountMinor / 10 ** digits;
  return new Intl.NumberFormat('en', { style: 'currency', currency: money.currency, currencyDisplay: 'code' }).format(
    major,
  );
}
