export {
  IdentityHeader,
  InvalidIdentityError,
  signIdentity,
  stripIdentityHeaders,
  verifyIdentity,
} from './identity-headers.js';
export type { Identity, IdentityRejection, SignedRequest } from './identity-headers.js';
