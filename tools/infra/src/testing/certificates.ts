import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isIP } from 'node:net';
import { run } from '../process.js';

/** Certificates made for one test: a CA, a server certificate it signed, and an unrelated CA. */
export interface TestCertificates {
  /** The folder holding every file below (removed by `remove()`). */
  dir: string;
  /** The CA that signed the server certificate (PEM): what a client trusts. */
  caFile: string;
  /** The server's certificate (PEM), with the asked-for hosts as subject alternative names. */
  serverCertFile: string;
  /** The server's private key (PEM, PKCS#8, unencrypted). */
  serverKeyFile: string;
  /** A client certificate signed by the same CA (mutual TLS), and its key. */
  clientCertFile: string;
  clientKeyFile: string;
  /** A CA that signed nothing here: trusting only it must fail. */
  otherCaFile: string;
  /** Reads one of the files above. */
  read(file: string): string;
  /** Deletes the folder. */
  remove(): void;
}

export interface TestCertificateOptions {
  /** Names and addresses the server certificate is valid for; default 127.0.0.1 and localhost. */
  hosts?: readonly string[];
}

const DAYS = '2';

// EC keys: made in milliseconds, and every server here (PostgreSQL, Redis, Mailpit, Kafka) takes them.
const KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

async function makeCa(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  await run('openssl', [
    'req',
    '-x509',
    ...KEY_ARGS,
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    DAYS,
    '-subj',
    `/CN=Platform test ${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return { cert, key };
}

async function makeLeaf(
  dir: string,
  name: string,
  ca: { cert: string; key: string },
  extensions: string[],
): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, `${name}.pem`);
  const key = path.join(dir, `${name}.key`);
  const request = path.join(dir, `${name}.csr`);
  const extFile = path.join(dir, `${name}.ext`);
  writeFileSync(extFile, `${extensions.join('\n')}\n`);
  await run('openssl', ['req', '-new', ...KEY_ARGS, '-keyout', key, '-out', request, '-subj', `/CN=${name}`]);
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    request,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
    '-set_serial',
    `0x${Date.now().toString(16)}${Math.floor(Math.random() * 0xffff).toString(16)}`,
    '-days',
    DAYS,
    '-extfile',
    extFile,
    '-out',
    cert,
  ]);
  return { cert, key };
}

/**
 * Makes a throw-away CA and a server certificate for `hosts` with openssl, in a private temporary
 * folder, for tests of TLS connections to servers they start. Call `remove()` when done.
 */
export async function makeTestCertificates(options: TestCertificateOptions = {}): Promise<TestCertificates> {
  const hosts = options.hosts ?? ['127.0.0.1', 'localhost'];
  const dir = mkdtempSync(path.join(tmpdir(), 'platform-tls-'));
  try {
    const ca = await makeCa(dir, 'ca');
    const other = await makeCa(dir, 'other-ca');
    const names = hosts.map((host) => (isIP(host) ? `IP:${host}` : `DNS:${host}`)).join(',');
    const server = await makeLeaf(dir, 'server', ca, [
      `subjectAltName=${names}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth',
    ]);
    const client = await makeLeaf(dir, 'client', ca, [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=clientAuth',
    ]);
    return {
      dir,
      caFile: ca.cert,
      serverCertFile: server.cert,
      serverKeyFile: server.key,
      clientCertFile: client.cert,
      clientKeyFile: client.key,
      otherCaFile: other.cert,
      read: (file) => readFileSync(file, 'utf8'),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not make test certificates with openssl: ${(error as Error).message}`);
  }
}
