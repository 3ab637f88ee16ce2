# Vigie: the API (default command) and the worker (`node dist/apps/worker/apps/worker/src/main.js`).
# Build: `docker build -t vigie .` (docker-compose.yml builds it for `api` and `worker`).
# Node 22 (Node 20 is past its end of life); the code still runs on Node >= 20.19.
FROM node:22-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# better-sqlite3 compiles or fetches its native binding here (bookworm has the toolchain).
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    VIGIE_HOST=0.0.0.0 \
    VIGIE_DATA_DIR=/var/lib/vigie
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /var/lib/vigie && chown node:node /var/lib/vigie
USER node
VOLUME ["/var/lib/vigie"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --retries=6 \
  CMD ["node", "-e", "fetch('http://localhost:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
