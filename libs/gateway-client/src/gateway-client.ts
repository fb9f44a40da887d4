import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/gateway-api.js';

/** A client of the public API; every path, body, query and answer is typed from the contract. */
export type GatewayClient = Client<paths>;

export interface GatewayClientOptions {
  /** The gateway's URL, e.g. `https://api.example.com` or `http://127.0.0.1:3000`. */
  baseUrl: string;
  /**
   * The current access token, asked for before every request (so a refreshed token is used at
   * once); sent as `Authorization: Bearer …` unless the request sets its own `Authorization`.
   */
  accessToken?: () => string | undefined;
  /** Headers sent with every request, e.g. `X-Correlation-ID`. */
  headers?: Record<string, string>;
  /** `fetch` to use (default: the global one). */
  fetch?: (input: Request) => Promise<Response>;
  /** Passed to every `fetch`, e.g. `{ credentials: 'include' }` for the refresh cookie across origins. */
  credentials?: RequestInit['credentials'];
}

/**
 * Creates a typed client of the gateway: `client.POST('/v1/auth/login', { body })` resolves to
 * `{ data, error, response }`, where `data` is the typed answer and `error` a Problem Details body.
 */
export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    fetch: options.fetch,
    credentials: options.credentials,
  });
  const accessToken = options.accessToken;
  if (accessToken) client.use(bearerToken(accessToken));
  return client;
}

function bearerToken(accessToken: () => string | undefined): Middleware {
  return {
    onRequest({ request }) {
      const token = accessToken();
      if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}

type Schemas = components['schemas'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type LogInRequest = Schemas['LogInRequest'];
export type RefreshTokenRequest = Schemas['RefreshTokenRequest'];
export type ChangePasswordRequest = Schemas['ChangePasswordRequest'];
export type UserResponse = Schemas['UserResponse'];
export type UserRole = Schemas['UserRole'];
export type UserPageResponse = Schemas['UserPageResponse'];
export type TokenResponse = Schemas['TokenResponse'];
export type JsonWebKeySetResponse = Schemas['JsonWebKeySetResponse'];
/** Every error answer (RFC 9457): branch on `code`, show `detail`. */
export type ProblemDetails = Schemas['ProblemDetailsResponse'];
export type FieldError = Schemas['FieldErrorResponse'];

// Businesses, members, customers and invoices.
export type CreateBusinessRequest = Schemas['CreateBusinessRequest'];
export type UpdateBusinessRequest = Schemas['UpdateBusinessRequest'];
export type BusinessResponse = Schemas['BusinessResponse'];
export type BusinessPageResponse = Schemas['BusinessPageResponse'];
export type BusinessRole = Schemas['BusinessRole'];
export type BusinessSummaryResponse = Schemas['BusinessSummaryResponse'];
export type AddMemberRequest = Schemas['AddMemberRequest'];
export type UpdateMemberRequest = Schemas['UpdateMemberRequest'];
export type MemberResponse = Schemas['MemberResponse'];
export type MemberPageResponse = Schemas['MemberPageResponse'];
export type AddressRequest = Schemas['AddressRequest'];
export type CreateCustomerRequest = Schemas['CreateCustomerRequest'];
export type UpdateCustomerRequest = Schemas['UpdateCustomerRequest'];
export type CustomerResponse = Schemas['CustomerResponse'];
export type CustomerPageResponse = Schemas['CustomerPageResponse'];
export type InvoiceLineRequest = Schemas['InvoiceLineRequest'];
export type CreateInvoiceRequest = Schemas['CreateInvoiceRequest'];
export type UpdateInvoiceRequest = Schemas['UpdateInvoiceRequest'];
export type VoidInvoiceRequest = Schemas['VoidInvoiceRequest'];
export type InvoiceResponse = Schemas['InvoiceResponse'];
export type InvoicePageResponse = Schemas['InvoicePageResponse'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
/** An amount in minor units with its ISO 4217 currency: `{ amountMinor: 1250, currency: 'EUR' }`. */
export type Money = Schemas['MoneyResponse'];
