/** One failed rule of one field: `items[2].quantity`, "quantity must be an integer number", `isInt`. */
export interface FieldError {
  /** Path of the field in the payload, dots for properties and brackets for array items; `$` is the payload itself. */
  field: string;
  message: string;
  /** The rule that failed, as class-validator names it (`isInt`, `whitelistValidation`, ...). */
  code: string;
}
