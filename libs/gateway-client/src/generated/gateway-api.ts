// Generated from apps/gateway/openapi.json by `npm run api:generate` (openapi-typescript).
// Do not edit: change the gateway's DTOs or routes and generate again.
export interface paths {
  '/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List users, newest first, a page at a time */
    get: operations['listUsers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/.well-known/jwks.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys access tokens are signed with (JWKS) */
    get: operations['getJwks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/change-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the signed-in user's password */
    post: operations['changePassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Log in with e-mail and password */
    post: operations['login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session (revokes its refresh token) */
    post: operations['logout'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/logout-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of the signed-in user */
    post: operations['logoutAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Exchange a refresh token for new tokens
     * @description The refresh token rotates: the old one stops working, and reusing it revokes the whole session.
     */
    post: operations['refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/auth/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create an account */
    post: operations['register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ChangePasswordRequest: {
      /** Format: password */
      currentPassword: string;
      /**
       * Format: password
       * @description 12 to 128 characters (Unicode code points), no composition rules; refused when it is a common or breached password or contains the e-mail or display name.
       */
      newPassword: string;
    };
    FieldErrorResponse: {
      /**
       * @description The rule that failed.
       * @example isString
       */
      code: string;
      /**
       * @description Path of the field: dots for properties, brackets for items.
       * @example email
       */
      field: string;
      /** @example email must be a string */
      message: string;
    };
    JsonWebKeyResponse: {
      /** @example ES256 */
      alg?: string;
      /** @example P-256 */
      crv?: string;
      /** @description Key id; access tokens name it in their `kid` header. */
      kid: string;
      /** @example EC */
      kty: string;
      /** @example sig */
      use?: string;
      x?: string;
      y?: string;
    };
    JsonWebKeySetResponse: {
      keys: components['schemas']['JsonWebKeyResponse'][];
    };
    LogInRequest: {
      /**
       * Format: email
       * @example ada@example.com
       */
      email: string;
      /** Format: password */
      password: string;
    };
    ProblemDetailsResponse: {
      /**
       * @description Stable machine-readable code; branch on it.
       * @example VALIDATION.FAILED
       */
      code: string;
      correlationId: string;
      /** @description This occurrence, in words safe to show. */
      detail: string;
      /** @description One per failed rule. */
      errors?: components['schemas']['FieldErrorResponse'][];
      /**
       * @description The request path, without its query.
       * @example /v1/auth/register
       */
      instance: string;
      /** @example POST */
      method: string;
      /** @description True when sending the same request again may succeed. */
      retryable?: boolean;
      /** @example 400 */
      status: number;
      /** Format: date-time */
      timestamp: string;
      /** @example Validation failed */
      title: string;
      /** @description The W3C trace id, for support requests. */
      traceId?: string;
      /**
       * Format: uri-reference
       * @description Names the problem type; derived from `code`.
       */
      type: string;
    };
    RefreshTokenRequest: {
      /** @description The opaque refresh token a log-in or the previous refresh returned. */
      refreshToken: string;
    };
    RegisterRequest: {
      /** @example Ada Lovelace */
      displayName: string;
      /**
       * Format: email
       * @description Trimmed and lower-cased.
       * @example ada@example.com
       */
      email: string;
      /**
       * Format: password
       * @description 12 to 128 characters (Unicode code points), no composition rules; refused when it is a common or breached password or contains the e-mail or display name.
       * @example analytical engine notes
       */
      password: string;
    };
    TokenResponse: {
      /** @description A JWT (ES256); send it as `Authorization: Bearer <token>`. */
      accessToken: string;
      /** @description Seconds until the access token expires. */
      expiresIn: number;
      /** @description The opaque refresh token; absent when it was set in the refresh cookie instead. */
      refreshToken?: string;
      /** Format: date-time */
      refreshTokenExpiresAt: string;
      /** @description True when the refresh token travels in the `__Host-refresh_token` cookie (browser apps). */
      refreshTokenInCookie?: boolean;
      /** @enum {string} */
      tokenType: 'Bearer';
    };
    UserPageResponse: {
      items: components['schemas']['UserResponse'][];
      /** @description Pass as `cursor` for the next page; null on the last. */
      nextCursor: string | null;
    };
    UserResponse: {
      /** Format: date-time */
      createdAt: string;
      displayName: string;
      /** Format: email */
      email: string;
      /**
       * Format: uuid
       * @description UUID v7.
       */
      id: string;
      roles: components['schemas']['UserRole'][];
    };
    /** @enum {string} */
    UserRole: 'user' | 'admin';
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listUsers: {
    parameters: {
      query?: {
        /** @description Only users created after this instant (RFC 3339). */
        createdAfter?: string;
        /** @description The `nextCursor` of the previous page. */
        cursor?: string;
        /** @description Only users whose e-mail contains this text. */
        emailContains?: string;
        /** @description Page size. */
        limit?: number;
        /** @description Only users holding this role. */
        role?: components['schemas']['UserRole'];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page; `nextCursor` fetches the next. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserPageResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getJwks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Current and previous keys; cache for up to 5 minutes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['JsonWebKeySetResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      /** @description Changed; every session of the user, this one included, must log in again. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: {
        /** @description Browser apps: `cookie` sets the refresh token in an HttpOnly cookie instead of the body. */
        'X-Refresh-Token-Transport'?: 'cookie';
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogInRequest'];
      };
    };
    responses: {
      /** @description A new session: an access token and a refresh token. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: {
        /** @description Needed when the refresh token comes from the cookie: the value of the `__Host-csrf_token` cookie. */
        'X-CSRF-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    /** @description Optional when the cookie carries the token. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshTokenRequest'];
      };
    };
    responses: {
      /** @description Logged out; the cookies, if any, are cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  logoutAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every refresh token of the user is revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user the access token belongs to. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  refresh: {
    parameters: {
      query?: never;
      header?: {
        /** @description Needed when the refresh token comes from the cookie: the value of the `__Host-csrf_token` cookie. */
        'X-CSRF-Token'?: string;
        /** @description Browser apps: `cookie` sets the refresh token in an HttpOnly cookie instead of the body. */
        'X-Refresh-Token-Transport'?: 'cookie';
      };
      path?: never;
      cookie?: never;
    };
    /** @description Optional when the cookie carries the token. */
    requestBody?: {
      content: {
        'application/json': components['schemas']['RefreshTokenRequest'];
      };
    };
    responses: {
      /** @description New tokens; the refresh token sent is now spent. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description No valid access token (missing, expired, tampered or signed by an unknown key), or wrong credentials. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Authenticated, but not allowed to do this (or the CSRF token does not match the cookie). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
  register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retry-safe creation: the same key and body get the first answer again; another body gets 422. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterRequest'];
      };
    };
    responses: {
      /** @description The account was created. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UserResponse'];
        };
      };
      /** @description Malformed or invalid request: `errors` names each field that failed and why. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Conflicts with the current state, e.g. the e-mail address is already registered. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The request body is larger than the gateway accepts. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description The `Idempotency-Key` was already used with a different body. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description Too many requests from this client or for this account; `Retry-After` says when to try again. */
      429: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service answered with something the gateway cannot pass on. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service is unavailable or its circuit is open; `retryable` says whether to try again. */
      503: {
        headers: {
          /** @description Seconds to wait before trying again. */
          'Retry-After'?: number;
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
      /** @description An upstream service did not answer in time. */
      504: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['ProblemDetailsResponse'];
        };
      };
    };
  };
}
