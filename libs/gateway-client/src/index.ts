export { createGatewayClient } from './gateway-client.js';
export type {
  ChangePasswordRequest,
  FieldError,
  GatewayClient,
  GatewayClientOptions,
  JsonWebKeySetResponse,
  LogInRequest,
  ProblemDetails,
  RefreshTokenRequest,
  RegisterRequest,
  TokenResponse,
  UserPageResponse,
  UserResponse,
  UserRole,
} from './gateway-client.js';
export type { components, operations, paths } from './generated/gateway-api.js';
