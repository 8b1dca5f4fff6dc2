# Probity's container image (docs/operations.md, "Container images").
#   docker build -t probity .        (or: podman build -t probity .)
# Two stages: the first installs every dependency and builds the server (dist/) and the web app
# (web/dist/); the second holds only production dependencies and those two builds, and runs as
# the unprivileged `node` user (uid 1000).

# NODE_IMAGE: the base of both stages; scripts/container-test.sh passes a locally built one where
# no registry is reachable.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary for linux-x64/arm64; these compile it where none fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY src ./src
COPY web ./web
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PROBITY_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# /data: the SQLite database (when DATABASE_URL is not set), the signed audit checkpoints to ship
# off-site, and, only if no other location is given, the key files. Give the key its own place
# (PROBITY_KEY_FILE=/run/secrets/probity_key, or PROBITY_KEY): a key stored in the same volume as
# the database goes into the same backups, and a lost key makes every sealed report unreadable.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT||3000}/api/health`).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/probity.js"]
CMD ["serve"]
