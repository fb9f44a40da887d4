/**
 * What replaces an erased person's e-mail and name wherever a service keeps a record or a stored
 * event about them (docs/decisions/0015): the same in every service, on the reserved `.invalid`
 * domain (RFC 2606), so an anonymised event still meets its contract and nothing is ever delivered
 * to it.
 */
export const ERASED_PERSON = {
  email: 'erased@erased.invalid',
  displayName: 'Erased user',
} as const;
