/**
 * The app factory: builds a Fastify instance from explicit dependencies (config, database, clock, adapters).
 * main.ts is the only place that creates those dependencies; tests call buildApp with their own.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { completeDeps, type AppDepsInput } from './deps';
import './identity/guards';
import { installSessionHook } from './identity/session';
import { installErrorHandling } from './http/error-handler';
import { logSerializers, maskLogObject } from './http/logging';

/** An API route as registered (method, path, whether its schemas are declared) — read by the OpenAPI test. */
export interface RegisteredApiRoute {
  method: string;
  url: string;
  hidden: boolean;
  hasBody: boolean;
  hasResponse: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    apiRoutes: readonly RegisteredApiRoute[];
  }
}
import { zodValidatorCompiler } from './http/validation';
import { registerRoutes } from './routes';

export type { AppDeps, AppDepsInput } from './deps';

export async function buildApp(input: AppDepsInput): Promise<FastifyInstance> {
  const deps = completeDeps(input);
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            serializers: logSerializers,
            formatters: { log: maskLogObject },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: config.server.bodyLimitBytes,
    trustProxy: config.server.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWebApp = existsSync(path.join(config.webDist, 'index.html'));
  installErrorHandling(
    app,
    hasWebApp ? (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html') : undefined,
  );
  // Anonymous until the session hook (installed right after the cookie parser) says otherwise.
  app.decorateRequest('actor', null as never);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  installSessionHook(app, deps);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => {
      const error = new Error(`Rate limit exceeded, retry in ${context.after}`) as Error & { statusCode: number };
      error.statusCode = 429;
      return error;
    },
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'MotCua API',
        description:
          'Hệ thống thông tin một cửa điện tử — API. Errors are RFC 9457 problem+json with a stable `code`; ' +
          'titles follow Accept-Language (vi by default, en).',
        version: '1',
      },
      servers: [{ url: config.server.publicUrl }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Every API route, as registered: the OpenAPI test checks each one is documented with its schemas.
  const apiRoutes: RegisteredApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const schema = (route.schema ?? {}) as { hide?: boolean; body?: unknown; response?: Record<string, unknown> };
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      apiRoutes.push({
        method,
        url: route.url,
        hidden: schema.hide === true,
        hasBody: schema.body !== undefined,
        hasResponse: Object.keys(schema.response ?? {}).some((status) => /^(2|3|default)/.test(status)),
      });
    }
  });
  await app.register(async (api) => registerRoutes(api, deps), { prefix: '/api/v1' });

  if (hasWebApp) {
    // Built assets; pages outside /api fall back to index.html through the not-found handler above.
    // preCompressed: the web build writes .br/.gz beside each asset (apps/web/vite.config.ts).
    await app.register(fastifyStatic, { root: config.webDist, prefix: '/', wildcard: false, index: 'index.html', preCompressed: true });
  }
  return app;
}
