import { readFileSync } from 'node:fs';
import net from 'node:net';

/** True when something accepts TCP connections on host:port within the timeout. */
export function isPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The lowest port the kernel hands out by itself (client sockets' local ports, `listen(0)`). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 0 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST_CHOSEN_PORT = 20_000;

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function portTheOsPicks(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Ports this process handed out: the servers they are for may not listen yet, so a second call must
// not pick the same one (two of nine random draws in 12,000 ports met once in a chaos run).
const handedOut = new Set<number>();

/**
 * A loopback port nothing listens on right now and that this process has not handed out before,
 * for servers a test or benchmark starts. Chosen below the kernel's ephemeral range: a port the OS
 * picked would go back to its pool whenever the server stops, and a parallel test's `listen(0)` or
 * an outgoing connection could take it before a restart on the same port (seen in CI: a restarted
 * Alertmanager found its port taken).
 */
export async function freePort(): Promise<number> {
  const highest = ephemeralLow() - 1;
  if (highest - LOWEST_CHOSEN_PORT >= 1_000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = LOWEST_CHOSEN_PORT + Math.floor(Math.random() * (highest - LOWEST_CHOSEN_PORT + 1));
      if (!handedOut.has(port) && (await canListen(port))) return handOut(port);
    }
  }
  for (;;) {
    const port = await portTheOsPicks();
    if (!handedOut.has(port)) return handOut(port);
  }
}

function handOut(port: number): number {
  handedOut.add(port);
  return port;
}
