import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Who schemathesis calls the API as: anonymous, or logged in with these credentials. */
export interface Persona {
  name: string;
  credentials?: { email: string; password: string };
  /**
   * Values schemathesis sends for these parameters instead of generated ones, by location and
   * name (`path.businessId`): resources the persona owns, so operations on them get past 404.
   */
  parameters?: Record<string, string>;
}

export interface SchemathesisOptions {
  /** The schemathesis CLI. */
  bin: string;
  /** The OpenAPI document to test against. */
  contractFile: string;
  /** The API's base URL, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  persona: Persona;
  /** Test cases per operation and phase (default 50). */
  maxExamples?: number;
  /** Reproduce an earlier run; random otherwise (schemathesis prints the seed it used). */
  seed?: number;
  /**
   * `single`: the examples, coverage and fuzzing phases, one operation at a time, with the persona's
   * fixed parameters. `stateful`: chains of calls along the contract's links, which carry the ids
   * from answer to request, so the fixed parameters are left out: with them a chain that removed
   * the persona from its fixed business made every later "created resource" 404 (ST302).
   */
  mode: 'single' | 'stateful';
}

/** One request schemathesis made and the status it got. */
export interface Exchange {
  method: string;
  path: string;
  status: number;
}

export interface SchemathesisResult {
  persona: string;
  /** 0 when no check failed. */
  exitCode: number;
  /** What schemathesis printed: failures with a `curl` to reproduce each, and the seed. */
  output: string;
  exchanges: Exchange[];
}

/**
 * Runs `schemathesis run --checks all` once against a live API as one persona and collects every
 * request it made (from its HAR report). A logged-in persona gets its access token the way a
 * client does, from `POST /v1/auth/login`, and logs in again whenever an answer is a 401 (the
 * fuzzer itself may log the session out or revoke it).
 */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-fuzz-'));
  try {
    const config = path.join(dir, 'schemathesis.toml');
    writeFileSync(config, configFor(options.persona, options.mode));
    const har = path.join(dir, 'exchanges.har');
    const args = [
      '--config-file',
      config,
      'run',
      options.contractFile,
      '--url',
      options.baseUrl,
      '--checks',
      'all',
      '--phases',
      options.mode === 'stateful' ? 'stateful' : 'examples,coverage,fuzzing',
      '--max-examples',
      String(options.maxExamples ?? 50),
      '--report',
      'har',
      '--report-har-path',
      har,
      '--no-color',
      ...(options.seed === undefined ? [] : ['--seed', String(options.seed)]),
    ];
    const env = {
      ...process.env,
      FUZZ_LOGIN_EMAIL: options.persona.credentials?.email ?? '',
      FUZZ_LOGIN_PASSWORD: options.persona.credentials?.password ?? '',
    };
    const { exitCode, output } = await run(options.bin, args, env);
    const persona = `${options.persona.name} (${options.mode})`;
    return { persona, exitCode, output, exchanges: readHar(har, options.baseUrl) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// A request valid by the contract may still be refused by a rule no schema says (a common password,
// a cursor this service never issued, an Idempotency-Key reused with another body): that is a 422,
// never a 400 (docs/decisions/0012), so 422 joins the statuses schemathesis accepts for valid data.
// So does 412: an `If-Match` of the right shape that names another version than the current one.
const POSITIVE_STATUSES = ['2xx', '3xx', '401', '403', '404', '409', '412', '422', '429', '5xx'];

// A required header left out: schemathesis's defaults, plus 428 (Precondition Required), the
// answer RFC 6585 gives for a missing `If-Match`.
const MISSING_HEADER_STATUSES = ['400', '401', '403', '406', '415', '422', '428'];

// The credentials come from the environment, so they never land in the file or on a command line.
function configFor(persona: Persona, mode: SchemathesisOptions['mode']): string {
  const checks = [
    '[checks.positive_data_acceptance]',
    `expected-statuses = ${JSON.stringify(POSITIVE_STATUSES)}`,
    '',
    '[checks.missing_required_header]',
    `expected-statuses = ${JSON.stringify(MISSING_HEADER_STATUSES)}`,
    '',
  ];
  const parameters = mode === 'stateful' ? [] : Object.entries(persona.parameters ?? {});
  if (parameters.length > 0) {
    checks.push(
      '[parameters]',
      ...parameters.map(([name, value]) => `${JSON.stringify(name)} = ${JSON.stringify(value)}`),
      '',
    );
  }
  if (!persona.credentials) return checks.join('\n');
  return [
    ...checks,
    '[auth.dynamic.openapi.accessToken]',
    'path = "/v1/auth/login"',
    'payload = { email = "${FUZZ_LOGIN_EMAIL}", password = "${FUZZ_LOGIN_PASSWORD}" }',
    'extract_selector = "/accessToken"',
    '',
  ].join('\n');
}

function readHar(file: string, baseUrl: string): Exchange[] {
  let har: { log?: { entries?: { request: { method: string; url: string }; response: { status: number } }[] } };
  try {
    har = JSON.parse(readFileSync(file, 'utf8')) as typeof har;
  } catch {
    return [];
  }
  const origin = new URL(baseUrl).origin;
  return (har.log?.entries ?? []).flatMap(({ request, response }) => {
    const url = new URL(request.url);
    return url.origin === origin ? [{ method: request.method, path: url.pathname, status: response.status }] : [];
  });
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), output }));
  });
}
