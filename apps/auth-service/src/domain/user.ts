import { v7 as uuidv7 } from 'uuid';
import type { DisplayName } from './display-name.js';
import type { Email } from './email.js';
import type { Role } from './role.js';

/** Every field of a user, as a repository stores and restores it. */
export interface UserState {
  id: string;
  email: Email;
  displayName: DisplayName;
  /** The hasher's encoded hash (algorithm, parameters, salt); never the password. */
  passwordHash: string;
  roles: Role[];
  createdAt: Date;
  passwordChangedAt: Date;
  /** Tokens issued before this instant are no longer honoured ("log out everywhere"). */
  tokensValidAfter?: Date;
}

/** What registration needs; the password is already checked against the policy and hashed. */
export interface NewUser {
  email: Email;
  displayName: DisplayName;
  passwordHash: string;
  at: Date;
}

/** A user account: identity, credentials and roles. */
export class User {
  private constructor(private readonly state: UserState) {}

  /** A new account with the `user` role and a time-ordered (v7) id. */
  static register({ email, displayName, passwordHash, at }: NewUser): User {
    return new User({
      id: uuidv7(),
      email,
      displayName,
      passwordHash,
      roles: ['user'],
      createdAt: at,
      passwordChangedAt: at,
    });
  }

  /** A user as stored; repositories call this, use cases call `register`. */
  static restore(state: UserState): User {
    return new User({ ...state, roles: [...state.roles] });
  }

  get id(): string {
    return this.state.id;
  }
  get email(): Email {
    return this.state.email;
  }
  get displayName(): DisplayName {
    return this.state.displayName;
  }
  get passwordHash(): string {
    return this.state.passwordHash;
  }
  get roles(): readonly Role[] {
    return this.state.roles;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get passwordChangedAt(): Date {
    return this.state.passwordChangedAt;
  }
  get tokensValidAfter(): Date | undefined {
    return this.state.tokensValidAfter;
  }

  hasRole(role: Role): boolean {
    return this.state.roles.includes(role);
  }

  /**
   * Replaces the password and ends every session opened before: a session stolen with the old
   * password must not outlive it.
   */
  changePassword(newHash: string, at: Date): void {
    this.state.passwordHash = newHash;
    this.state.passwordChangedAt = at;
    this.logOutEverywhere(at);
  }

  /**
   * Stores a new hash of the same password (made with stronger parameters after a log-in
   * proved it): not a password change, so sessions and `passwordChangedAt` stay as they are.
   */
  upgradePasswordHash(newHash: string): void {
    this.state.passwordHash = newHash;
  }

  /** Grants `admin`; returns false when the user already was one, so callers can stay idempotent. */
  promoteToAdmin(): boolean {
    if (this.hasRole('admin')) return false;
    this.state.roles = [...this.state.roles, 'admin'];
    return true;
  }

  /** Tokens issued before `at` stop being honoured; never moves the cut-off back in time. */
  logOutEverywhere(at: Date): void {
    const current = this.state.tokensValidAfter;
    if (current === undefined || at > current) this.state.tokensValidAfter = at;
  }

  /** False for a token issued before the last "log out everywhere" (or password change). */
  acceptsTokenIssuedAt(issuedAt: Date): boolean {
    const cutOff = this.state.tokensValidAfter;
    return cutOff === undefined || issuedAt >= cutOff;
  }

  /** A copy of every field, for repositories. */
  toState(): UserState {
    return { ...this.state, roles: [...this.state.roles] };
  }
}
