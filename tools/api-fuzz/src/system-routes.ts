/** A service of the running system: its public URL and the routes it mapped. */
export interface ServiceRoutes {
  name: string;
  url: string;
  routes: { method: string; path: string }[];
}

// `ready        | auth-service: http://127.0.0.1:3001 (management …)`, as npm start prints it.
const READY = /^ready\s+\| ([\w-]+): (http:\/\/\S+)/gm;
// Nest's start-up line for each route, in a service's readable log: `Mapped {/v1/auth/me, GET} route`.
// A name as wide as the launcher's column (`business-service`) leaves no space before the `|`.
const MAPPED = /^([\w-]+)\s*\|.*Mapped \{([^,]+), ([A-Z]+)\} route/gm;

/**
 * Every service `npm start` brought up and every route each one mapped, read from what the
 * launcher printed: a service or a route added later is found with no change here.
 */
export function systemRoutes(output: string): ServiceRoutes[] {
  const services: ServiceRoutes[] = [...output.matchAll(READY)].map((match) => ({
    name: match[1] ?? '',
    url: match[2] ?? '',
    routes: [],
  }));
  for (const [, service, path = '', method = ''] of output.matchAll(MAPPED)) {
    services.find((candidate) => candidate.name === service)?.routes.push({ method, path });
  }
  return services;
}
