# syntax=docker/dockerfile:1
# DebtShield (债盾): multi-stage build; the runtime image runs as the unprivileged "node" user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# Scripts are skipped here: `prepare` builds, and the sources are not copied yet.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bench ./bench
COPY eval ./eval
# bench/telegram.ts drives the loopback Bot API server from test/support.
COPY test/support ./test/support
RUN npm run build

FROM node:20-bookworm-slim AS runtime
# Tesseract with the HanS script model: the most accurate offline engine for Chinese screenshots.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# MALLOC_ARENA_MAX=2: fewer glibc malloc arenas keep the OCR worker's peak RSS down (issue #15).
ENV NODE_ENV=production \
    DATA_DIR=/data \
    OMP_THREAD_LIMIT=1 \
    MALLOC_ARENA_MAX=2 \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY knowledge ./knowledge
COPY prompts ./prompts
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
