import { type Tree } from '@nx/devkit';
import { GeneratorError } from './generator-error.js';

/** `npm start`'s service list: every platform service's default ports are written there. */
export const DEV_SERVICES = 'tools/dev/src/services.ts';

/** The first ports a new service may take (the gateway and the three services hold 3000-3003 and 9000-9003). */
const FIRST_HTTP_PORT = 3004;
const FIRST_MANAGEMENT_PORT = 9004;

/** Ports of the machine's infrastructure and stand-ins that a service must never default to. */
const TAKEN = new Set([3300, 4010, 5432, 6379, 8025, 9090, 9092, 9093, 9094, 9464, 16686]);

/** A new service's default HTTP and management ports. */
export interface ServicePorts {
  port: number;
  managementPort: number;
}

/**
 * The next free ports after those of the services in tools/dev/src/services.ts (`ports('x', 3003, 9003)`),
 * or `requested` for HTTP when it is free.
 */
export function choosePorts(tree: Tree, requested: number | undefined): ServicePorts {
  const source = tree.read(DEV_SERVICES, 'utf-8');
  if (source === null) throw new GeneratorError(`${DEV_SERVICES} is missing: cannot tell which ports are free.`);
  const used = [...source.matchAll(/ports\('[^']+',\s*(\d+),\s*(\d+)\)/g)].map(([, port, management]) => ({
    port: Number(port),
    management: Number(management),
  }));
  const taken = new Set([...TAKEN, ...used.flatMap((entry) => [entry.port, entry.management])]);
  const next = (from: number) => {
    let candidate = from;
    while (taken.has(candidate)) candidate++;
    return candidate;
  };
  const highest = (key: 'port' | 'management', floor: number) =>
    Math.max(floor, ...used.map((entry) => entry[key] + 1));
  let port = next(highest('port', FIRST_HTTP_PORT));
  if (requested !== undefined) {
    if (!Number.isInteger(requested) || requested < 1024 || requested > 65535) {
      throw new GeneratorError(`--port ${requested}: give a whole number from 1024 to 65535.`);
    }
    if (taken.has(requested)) {
      throw new GeneratorError(
        `--port ${requested} is taken already (${DEV_SERVICES} or the infrastructure); leave it out to get the next free one.`,
      );
    }
    port = requested;
  }
  taken.add(port);
  return { port, managementPort: next(highest('management', FIRST_MANAGEMENT_PORT)) };
}
