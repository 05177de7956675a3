# Production image: `npm run build` output (dist/) on production dependencies, as the non-root user `node`.
# .ci/run checks the same steps without Docker (.ci/check-dist: build, start dist/server.js, /healthz, /readyz).

# 1. Build: every dependency (TypeScript), then tsc into dist/ (with the migrations' SQL).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Production dependencies only (sharp and PGlite ship their binaries in their npm packages).
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: dist/ beside public/ and assets/ (read relative to the code), poppler for PDF previews.
FROM node:22-bookworm-slim
RUN apt-get update \
  && apt-get install -y --no-install-recommends poppler-utils \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY package.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY public ./public
COPY assets ./assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# Operator commands in the container: node dist/cli.js migrate | backup FILE | storage migrate …
CMD ["node", "dist/server.js"]
