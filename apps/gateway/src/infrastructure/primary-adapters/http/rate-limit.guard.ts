import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { getLogger } from '@platform/logging';
import { DomainError } from '@platform/validation';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitStore } from '../../secondary-adapters/rate-limit/rate-limit-store.js';

/** Injection token of the rate-limit counters (memory, or Redis when REDIS_URL is set). */
export const RATE_LIMIT_STORE = Symbol('gateway.rateLimitStore');
/** Injection token of the rules: `global` for every route, and named ones that routes opt into. */
export const RATE_LIMIT_RULES = Symbol('gateway.rateLimitRules');

/** At most `limit` requests per client address in `windowSeconds`. */
export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

const ROUTE_LIMIT = Symbol('gateway.routeRateLimit');

/** The rules by name; `global` applies to every route. */
export type RateLimitRules = { global: RateLimitRule } & Record<string, RateLimitRule>;

/** A tighter, named limit for a route (log-in, registration), on top of the global one. */
export const RateLimit = (rule: string) => SetMetadata(ROUTE_LIMIT, rule);

/**
 * Limits requests per client address: every route by the global rule, some routes also by their
 * own. Answers carry `RateLimit-Limit`, `-Remaining` and `-Reset`; over the limit, a 429 Problem
 * Details with `Retry-After`. If the counters cannot be reached, requests go through (and a warning
 * is logged): an outage of Redis must not take the API down, and the auth-service throttles log-ins itself.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly log = getLogger('RateLimit');

  constructor(
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
    @Inject(RATE_LIMIT_RULES) private readonly rules: RateLimitRules,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const ruleName = this.reflector.getAllAndOverride<string | undefined>(ROUTE_LIMIT, [
      context.getHandler(),
      context.getClass(),
    ]);
    const routeRule = ruleName === undefined ? undefined : this.rules[ruleName];
    if (ruleName !== undefined && !routeRule) throw new Error(`no rate-limit rule named "${ruleName}"`);
    const route = request.routeOptions.url ?? 'unmatched';
    const checks: [string, RateLimitRule][] = [[`global:${request.ip}`, this.rules.global]];
    if (routeRule) checks.push([`${ruleName}:${route}:${request.ip}`, routeRule]);
    for (const [key, rule] of checks) {
      let count;
      try {
        count = await this.store.hit(key, rule.windowSeconds * 1000);
      } catch (error) {
        this.log.warn('rate-limit counters unavailable; letting the request through', { error });
        return true;
      }
      const resetSeconds = Math.max(1, Math.ceil(count.resetInMs / 1000));
      // The tightest rule is what the client sees.
      if (rule === routeRule || !routeRule) {
        reply.header('ratelimit-limit', String(rule.limit));
        reply.header('ratelimit-remaining', String(Math.max(0, rule.limit - count.count)));
        reply.header('ratelimit-reset', String(resetSeconds));
      }
      if (count.count > rule.limit) {
        throw new DomainError('GATEWAY.RATE_LIMITED', 'rate_limited', 'Too many requests; slow down.', {
          retryAfterSeconds: resetSeconds,
          details: { route, limit: rule.limit, windowSeconds: rule.windowSeconds },
        });
      }
    }
    return true;
  }
}
