# formd for the worker and web services of docker-compose.yml.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY tsconfig.json tsconfig.build.json ./
COPY bin bin
COPY src src
COPY workers workers
RUN npm ci && npm prune --omit=dev
ENTRYPOINT ["node", "bin/formd.js"]
