# Mingle: one image that serves the API, socket.io and the built client on port 3000.
#   docker build -t mingle .
#   docker run -p 3000:3000 -e SESSION_SECRET="$(openssl rand -hex 32)" -v mingle-data:/data mingle
# Without DATABASE_URL it keeps a SQLite file in /data; docker-compose.yml runs it on PostgreSQL + Redis.

# ---- build: install everything, build shared → client → server, then drop dev dependencies ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

# better-sqlite3 is a native addon: node-gyp needs these when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*

# Manifests first, so the dependency layer is reused until the lock file changes.
# Every workspace's package.json must be present for `npm ci` to accept the lock file.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/
COPY e2e/package.json e2e/
RUN npm ci --no-audit --no-fund

COPY tsconfig.base.json ./
COPY shared shared
COPY client client
COPY server server
# A workspace only gets its own node_modules when a version clash forces one; mkdir makes sure the
# folder exists so the runtime stage's COPY works either way.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p server/node_modules

# ---- runtime: only what `node server/dist/main.js` needs ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app

# node_modules/@mingle/* are relative symlinks to the workspace folders copied next to them.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/shared/package.json ./shared/package.json
COPY --from=build /app/shared/dist ./shared/dist
COPY --from=build /app/server/package.json ./server/package.json
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/server/node_modules ./server/node_modules
COPY --from=build /app/client/dist ./client/dist

# The code stays root-owned and read-only for the app; only /data is writable by it.
# (The volume is declared after the chown so a fresh named volume starts out owned by `node`.)
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]

USER node
EXPOSE 3000

# /api/health answers 200 when the database answers (no curl in slim images, so ask node). HOST is
# unset here (every interface, as a container needs); when set to one address, ask there.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "const h=process.env.HOST||'127.0.0.1',a=['0.0.0.0','::'].includes(h)?'127.0.0.1':h.includes(':')?'['+h+']':h;fetch('http://'+a+':'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

CMD ["node", "server/dist/main.js"]
