/**
 * What replaces an erased user's e-mail and name here (docs/decisions/0015): the platform's one
 * marker, the same in every service and in every stored event.
 */
export { ERASED_PERSON as ERASED_USER } from '@platform/contracts';
