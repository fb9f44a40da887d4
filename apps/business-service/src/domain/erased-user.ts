/**
 * What replaces an erased user's personal fields (docs/decisions/0015), in the directory and in the
 * events this service stored about them. The same for everyone, so nothing of the person is left;
 * an address on the reserved `.invalid` domain (RFC 2606) that the contracts still accept, so rows
 * and stored events keep their constraints and nothing can ever be delivered to it.
 */
export const ERASED_USER = {
  email: 'erased@erased.invalid',
  displayName: 'Erased user',
} as const;
