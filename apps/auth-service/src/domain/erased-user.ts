/**
 * What replaces an erased user's e-mail and name in the events this service stored about them
 * (docs/decisions/0015): the same for everyone, on the reserved `.invalid` domain (RFC 2606), so
 * a stored event still meets its contract and nothing can ever be delivered to it. The same
 * marker as the business-service's directory.
 */
export const ERASED_USER = {
  email: 'erased@erased.invalid',
  displayName: 'Erased user',
} as const;
