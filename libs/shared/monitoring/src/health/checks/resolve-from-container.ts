import type { InjectionToken } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';

/** Something that runs SQL: a TypeORM DataSource, a pg.Pool or a pg.Client. */
export interface Queryable {
  query(sql: string): Promise<unknown>;
}

/** An instance, or the token it is registered under in the application's container. */
export type InstanceOrToken<T> = T | InjectionToken;

/** The instance itself when `isInstance` says so, else what the container holds under the token. */
export function resolveFromContainer<T>(
  moduleRef: ModuleRef,
  source: InstanceOrToken<T>,
  isInstance: (value: unknown) => value is T,
): T {
  if (isInstance(source)) return source;
  // strict: false searches every module, as the DataSource lives in TypeORM's module, not ours.
  const found: unknown = moduleRef.get(source as InjectionToken, { strict: false });
  if (!isInstance(found)) {
    throw new Error(`the provider ${describe(source)} is not the expected kind of object`);
  }
  return found;
}

function describe(token: unknown): string {
  return typeof token === 'function' ? token.name : String(token);
}

/** True for objects with a `query` method. */
export function isQueryable(value: unknown): value is Queryable {
  return typeof value === 'object' && value !== null && typeof (value as Queryable).query === 'function';
}
