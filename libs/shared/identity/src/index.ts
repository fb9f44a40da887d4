export {
  IDENTITY_KEY_MIN_LENGTH,
  IdentityHeader,
  InvalidIdentityError,
  signIdentity,
  stripIdentityHeaders,
  verifyIdentity,
} from './identity-headers.js';
export type { Identity, IdentityRejection, SignedRequest } from './identity-headers.js';
export { IsIdentitySigningKey } from './is-identity-signing-key.js';
export {
  CurrentIdentity,
  GatewayIdentityGuard,
  IDENTITY_SIGNING_KEY,
  gatewayIdentityProviders,
  requestIdentity,
} from './nest/gateway-identity.guard.js';
export type { IdentifiedRequest } from './nest/gateway-identity.guard.js';
export {
  AccessTokenVerifier,
  InvalidAccessTokenError,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
} from './access-token/access-token-verifier.js';
export type {
  AccessTokenVerifierOptions,
  InvalidAccessTokenReason,
  VerifiedAccessToken,
} from './access-token/access-token-verifier.js';
export { accessTokenIssueInstant } from './access-token/issue-instant.js';
export type { IssuedToken } from './access-token/issue-instant.js';
export {
  ACCESS_TOKEN_ALGORITHM,
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  MAX_CLOCK_TOLERANCE_SECONDS,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
} from './access-token/access-token.constants.js';
export {
  InvalidWebhookSignatureError,
  signStandardWebhook,
  verifyStandardWebhook,
  WEBHOOK_TOLERANCE_SECONDS,
} from './webhooks/standard-webhooks.js';
export type { StandardWebhookHeaders, WebhookRejection, WebhookSecrets } from './webhooks/standard-webhooks.js';
