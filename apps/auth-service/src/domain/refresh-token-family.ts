import { v7 as uuidv7 } from 'uuid';

/** Why a refresh token stopped being usable before it expired. */
export type RevokedReason = 'reuse_detected' | 'logout' | 'logout_all' | 'password_changed';

/** Every field of a refresh token record, as a repository stores it. Only the token's hash is kept. */
export interface RefreshTokenState {
  id: string;
  /** Every token obtained by rotating one log-in's token shares the family of that log-in. */
  familyId: string;
  userId: string;
  tokenHash: string;
  issuedAt: Date;
  expiresAt: Date;
  /** Set when this token was exchanged for its successor; presenting it again is reuse. */
  rotatedAt?: Date;
  revokedAt?: Date;
  revokedReason?: RevokedReason;
}

/** A new token: its hash, when it is issued, how long it lives. */
export interface NewRefreshToken {
  tokenHash: string;
  at: Date;
  ttlSeconds: number;
}

/**
 * A refresh token record under rotation: each use exchanges it for a successor of the same
 * family, so each token is usable once. A second use means two parties hold it (RFC 9700
 * §4.14): the family is revoked.
 */
export class RefreshToken {
  private constructor(private readonly state: RefreshTokenState) {}

  /** The first token of a log-in: a new family. */
  static startFamily(userId: string, token: NewRefreshToken): RefreshToken {
    return RefreshToken.create(uuidv7(), userId, token);
  }

  /** A token as stored; repositories call this. */
  static restore(state: RefreshTokenState): RefreshToken {
    return new RefreshToken({ ...state });
  }

  private static create(
    familyId: string,
    userId: string,
    { tokenHash, at, ttlSeconds }: NewRefreshToken,
  ): RefreshToken {
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new RangeError('ttlSeconds must be positive');
    return new RefreshToken({
      id: uuidv7(),
      familyId,
      userId,
      tokenHash,
      issuedAt: at,
      expiresAt: new Date(at.getTime() + ttlSeconds * 1000),
    });
  }

  get id(): string {
    return this.state.id;
  }
  get familyId(): string {
    return this.state.familyId;
  }
  get userId(): string {
    return this.state.userId;
  }
  get tokenHash(): string {
    return this.state.tokenHash;
  }
  get issuedAt(): Date {
    return this.state.issuedAt;
  }
  get expiresAt(): Date {
    return this.state.expiresAt;
  }
  get rotatedAt(): Date | undefined {
    return this.state.rotatedAt;
  }
  get revokedAt(): Date | undefined {
    return this.state.revokedAt;
  }
  get revokedReason(): RevokedReason | undefined {
    return this.state.revokedReason;
  }

  /** Neither rotated nor revoked nor expired at `now`. */
  isUsable(now: Date): boolean {
    return this.state.rotatedAt === undefined && this.state.revokedAt === undefined && now < this.state.expiresAt;
  }

  /**
   * Marks this token rotated and returns its successor in the same family. The successor lives
   * `ttlSeconds` from now: a session stays open while it is used. Throws when this token is not
   * usable: decide with `decideRefresh` first.
   */
  rotate(next: NewRefreshToken): RefreshToken {
    if (!this.isUsable(next.at)) throw new Error(`refresh token ${this.state.id} is not usable and cannot rotate`);
    this.state.rotatedAt = next.at;
    return RefreshToken.create(this.state.familyId, this.state.userId, next);
  }

  /** Marks this token revoked; a token already revoked keeps its first reason. */
  revoke(reason: RevokedReason, at: Date): void {
    if (this.state.revokedAt !== undefined) return;
    this.state.revokedAt = at;
    this.state.revokedReason = reason;
  }

  /** A copy of every field, for repositories. */
  toState(): RefreshTokenState {
    return { ...this.state };
  }
}

/** Why a presented refresh token is refused without being reuse. */
export type RefreshRefusal = 'unknown' | 'expired' | 'revoked' | 'logged_out_everywhere' | 'user_gone';

/** What to do with a presented refresh token; `rotate` carries the token and owner it checked. */
export type RefreshDecision<TOwner extends TokenOwner = TokenOwner> =
  | { outcome: 'rotate'; token: RefreshToken; owner: TOwner }
  | { outcome: 'reuse_detected'; familyId: string }
  | { outcome: 'refuse'; reason: RefreshRefusal };

/** What the decision needs to know of the token's owner. */
export interface TokenOwner {
  acceptsTokenIssuedAt(issuedAt: Date): boolean;
}

/**
 * The rotation rules in one place. A token already rotated is reuse, checked before anything
 * else: even expired or revoked, a second presentation means a copy exists, so its family goes.
 */
export function decideRefresh<TOwner extends TokenOwner>(
  token: RefreshToken | undefined,
  owner: TOwner | undefined,
  now: Date,
): RefreshDecision<TOwner> {
  if (token === undefined) return { outcome: 'refuse', reason: 'unknown' };
  if (token.rotatedAt !== undefined) return { outcome: 'reuse_detected', familyId: token.familyId };
  if (token.revokedAt !== undefined) return { outcome: 'refuse', reason: 'revoked' };
  if (now >= token.expiresAt) return { outcome: 'refuse', reason: 'expired' };
  if (owner === undefined) return { outcome: 'refuse', reason: 'user_gone' };
  if (!owner.acceptsTokenIssuedAt(token.issuedAt)) return { outcome: 'refuse', reason: 'logged_out_everywhere' };
  return { outcome: 'rotate', token, owner };
}
