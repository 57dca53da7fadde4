# syntax=docker/dockerfile:1
# The service and its web console, compiled in one stage and run from a production install in the next:
# production dependencies only, non-root, no compiler. Configuration: docs/configuration.md (in production
# ID_HASH_KEY and DATABASE_URL are required; the embedded database is for one machine, not for replicas).
#   docker build -t credit-engine .
#   docker compose up            (PostgreSQL, two replicas, a reverse proxy: compose.yaml)

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/prestart.mjs scripts/prestart.mjs
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY rule-packs ./rule-packs
USER node
EXPOSE 3000
# Readiness, database included (no curl in the slim image: Node's fetch).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly, not npm: SIGTERM reaches the service, which drains requests in flight (docs/operations.md).
CMD ["node", "dist/src/main.js"]
