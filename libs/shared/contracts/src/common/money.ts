import { IsInt, IsISO4217CurrencyCode, Matches, Max, Min } from 'class-validator';

/** An amount of money: integer minor units (cents) and its ISO 4217 currency, never a float. */
export class Money {
  /** Amount in the currency's minor unit, e.g. 1999 for 19.99 EUR. */
  @IsInt()
  @Min(0)
  // Beyond this a JSON number loses precision in JavaScript consumers.
  @Max(Number.MAX_SAFE_INTEGER)
  amountMinor!: number;

  /** ISO 4217 code in upper case, e.g. `EUR`. */
  @IsISO4217CurrencyCode()
  // The ISO check alone accepts `eur`; one spelling keeps string comparisons and sums honest.
  @Matches(/^[A-Z]{3}$/, { message: '$property must be 3 upper-case letters' })
  currency!: string;
}
