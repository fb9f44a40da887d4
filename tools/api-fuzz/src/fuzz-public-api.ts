import { readFileSync } from 'node:fs';
import { createPersonas } from './personas.js';
import { runSchemathesis, type Exchange, type SchemathesisResult } from './schemathesis-run.js';

export interface FuzzOptions {
  /** The schemathesis CLI. */
  bin: string;
  /** The committed public contract (apps/gateway/openapi.json). */
  contractFile: string;
  gatewayUrl: string;
  /** The auth-service's database, to promote the admin persona. */
  authDatabaseUrl: string;
  maxExamples?: number;
  seed?: number;
}

export interface FuzzReport {
  results: SchemathesisResult[];
  /** Operations of the contract no persona called (`GET /v1/x`): the run did not cover them. */
  uncovered: string[];
  /** Operations that need an access token but only ever answered 401: the personas' tokens never worked there. */
  neverAuthenticated: string[];
  /** True when no check failed and every operation was called, signed in where it needs it. */
  ok: boolean;
}

interface Operation {
  key: string;
  pattern: RegExp;
  method: string;
  secured: boolean;
}

/**
 * Fuzzes every operation of the public contract against the live gateway with schemathesis
 * (`--checks all`), as a signed-in user and as an admin; public operations are called signed out
 * too. Routes added to the contract later are covered without a change here.
 */
export async function fuzzPublicApi(options: FuzzOptions): Promise<FuzzReport> {
  const personas = await createPersonas(options.gatewayUrl, options.authDatabaseUrl);
  const results: SchemathesisResult[] = [];
  for (const persona of personas) {
    for (const mode of ['single', 'stateful'] as const) {
      results.push(
        await runSchemathesis({
          bin: options.bin,
          contractFile: options.contractFile,
          baseUrl: options.gatewayUrl,
          persona,
          maxExamples: options.maxExamples,
          seed: options.seed,
          mode,
        }),
      );
    }
  }
  const operations = operationsOf(options.contractFile);
  const exchanges = results.flatMap((result) => result.exchanges);
  const answered = (operation: Operation, accept: (exchange: Exchange) => boolean) =>
    exchanges.some((e) => e.method === operation.method && operation.pattern.test(e.path) && accept(e));
  const uncovered = operations.filter((op) => !answered(op, () => true)).map((op) => op.key);
  const neverAuthenticated = operations
    .filter((op) => op.secured && !answered(op, (e) => e.status !== 401))
    .map((op) => op.key);
  const ok = results.every((r) => r.exitCode === 0) && uncovered.length === 0 && neverAuthenticated.length === 0;
  return { results, uncovered, neverAuthenticated, ok };
}

/** A readable account of a report: each run's summary, then what was not covered. */
export function describeReport(report: FuzzReport): string {
  const lines = report.results.map(
    (r) =>
      `${r.persona}: ${r.exitCode === 0 ? 'no findings' : `findings (exit ${r.exitCode})`}, ${r.exchanges.length} requests`,
  );
  if (report.uncovered.length) lines.push(`never called: ${report.uncovered.join(', ')}`);
  if (report.neverAuthenticated.length) lines.push(`only ever 401: ${report.neverAuthenticated.join(', ')}`);
  return lines.join('\n');
}

function operationsOf(contractFile: string): Operation[] {
  const contract = JSON.parse(readFileSync(contractFile, 'utf8')) as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    security?: Record<string, unknown>[];
  };
  return Object.entries(contract.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const security = operation.security ?? contract.security ?? [];
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
        // Secured when no alternative is "no credentials" (an empty requirement).
        secured: security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0),
      };
    }),
  );
}
