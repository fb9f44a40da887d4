# syntax=docker/dockerfile:1
# One image per deployable, chosen at build time:
#   docker build --build-arg SERVICE=gateway -t platform/gateway .
# SERVICE: gateway | auth-service | business-service | notification-service | payment-sandbox
# It runs the compiled JavaScript (tools/scripts/build-service.mjs) on the production dependencies only,
# as a non-root user under tini, started through the compiled tracing entry (docs/decisions/0004).
# tools/deploy-check/test/dockerfile.spec.ts checks these properties and runs the same build commands.

ARG NODE_VERSION=20.20
ARG NPM_VERSION=11.19.1

FROM node:${NODE_VERSION}-bookworm-slim AS base
ARG NPM_VERSION
# The npm of the lockfile (it honours package.json's allowScripts); argon2's install script compiles it.
RUN npm install -g npm@${NPM_VERSION} \
 && apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# Build: every dependency (SWC is a dev dependency), then the deployable and its libraries into dist/.
FROM base AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY tools/scripts/ tools/scripts/
COPY libs/ libs/
COPY apps/ apps/
COPY tools/payment-sandbox/ tools/payment-sandbox/
ARG SERVICE
RUN test -n "${SERVICE}" && node tools/scripts/build-service.mjs "${SERVICE}"

# Production dependencies only, installed apart so that no build tool reaches the runtime image.
FROM base AS production-dependencies
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# tini reaps zombies and forwards SIGTERM to node, whose graceful shutdown then runs.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production
COPY package.json ./
COPY --from=production-dependencies /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
ARG SERVICE
ARG SERVICE_ENTRY=apps/${SERVICE}/src/main.js
ENV SERVICE_NAME=${SERVICE} \
    SERVICE_ENTRY=dist/${SERVICE_ENTRY}
# The node user of the official image, by number so that Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
# Liveness on the management port (MANAGEMENT_PORT, set by compose and Kubernetes); HEALTHCHECK_URL overrides it.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(process.env.HEALTHCHECK_URL || `http://127.0.0.1:${process.env.MANAGEMENT_PORT}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["sh", "-c", "exec node --import ./dist/libs/shared/observability/src/register-compiled.mjs \"$SERVICE_ENTRY\""]
