import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../security/actor';
import { installCanonicalInput } from './canonical-input';
import { installCompression } from './compression';
import { checkSameOrigin } from './csrf';
import { installErrorHandler } from './error-handler';
import { type DomainError, unauthenticated } from './errors';
import { installMultipartGuard } from './multipart';
import { responseSerializerCompiler } from './serializer';
import { serveWebApp } from './web-app';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to anonymous callers. Every other route needs a session. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The request carried a session cookie that no longer opens a session (ended, expired, unknown). */
    sessionEnded: boolean;
  }
}

export type AuthResult = { actor: Actor } | { actor: null; expired: boolean };

export interface HttpServerOptions {
  logLevel: string;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Reverse proxies (addresses, CIDR ranges) whose X-Forwarded-For is believed; empty for none. */
  trustProxy: readonly string[];
  /** Send Strict-Transport-Security: the product is reached over https. */
  hsts: boolean;
  allowedOrigins: readonly string[];
  version: string;
  /** Built web app to serve, if present. */
  webRoot: string | null;
  authenticate(request: FastifyRequest): Promise<AuthResult>;
  /** A further check on a signed-in caller before any non-public route runs. */
  admit?(actor: Actor, routeUrl: string): DomainError | null;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

export type App = FastifyInstance & { registeredRoutes: RegisteredRoute[] };
export type TypedApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

// The field messages of a refused request are read by people: in Vietnamese, as the rest.
z.config(z.locales.vi());

const UNAUTHENTICATED_EXPIRED = () =>
  unauthenticated('auth.session_expired', 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');

export async function createHttpServer(options: HttpServerOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: {
        paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
        censor: '[ẩn]',
      },
    },
    bodyLimit: options.bodyLimitBytes,
    // Only the configured proxies: a header from anyone else is ignored, so the address
    // the sign-in limits count is the peer's own.
    trustProxy: options.trustProxy.length > 0 ? [...options.trustProxy] : false,
    // Health probes would drown the log; every other request is logged once done.
    logController: new LogController({ disableRequestLogging: (request) => request.url === '/api/health' }),
    return503OnClosing: true,
    // Errors Fastify raises before routing (a malformed URL) get the same shape as every other.
    frameworkErrors: (_error, _request, reply) => {
      (reply as unknown as FastifyReply)
        .code(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ error: { code: 'request.bad_url', message: 'Địa chỉ yêu cầu không hợp lệ.' } }));
    },
    forceCloseConnections: 'idle',
  }) as unknown as App;
  app.registeredRoutes = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionEnded', false);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  installErrorHandler(app);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.registeredRoutes.push({ method, url: route.url, public: route.config?.public === true });
    }
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // Only when the public address is https: over plain http the header would be ignored at best.
    hsts: options.hsts ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  // Before any route, so that every route is covered.
  await installCompression(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.uploadLimitBytes, files: 1, fields: 20, parts: 25 },
  });
  installCanonicalInput(app);
  installMultipartGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'VanPhong API',
        description: 'Văn phòng điện tử cho cơ quan Đảng. Mọi lỗi trả về dạng {error:{code,message}}.',
        version: options.version,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vp_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list', deepLinking: false },
    uiHooks: {
      onRequest: async () => {},
    },
  });

  // Before body parsing: refuse cross-origin writes, then identify the caller.
  app.addHook('onRequest', async (request) => {
    const csrf = checkSameOrigin(request, options.allowedOrigins);
    if (csrf) throw csrf;
    const route = request.routeOptions;
    const isPublic = route.config?.public === true || !route.url || isDocsRoute(route.url);
    const result = await options.authenticate(request);
    request.actor = result.actor;
    request.sessionEnded = !result.actor && result.expired;
    if (isPublic) return;
    if (!result.actor) throw result.expired ? UNAUTHENTICATED_EXPIRED() : unauthenticated();
    const refusal = options.admit?.(result.actor, route.url ?? '');
    if (refusal) throw refusal;
  });

  if (options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html'))) {
    await app.register(serveWebApp(options.webRoot));
  }

  return app;
}

function isDocsRoute(url: string): boolean {
  return url === '/api/docs' || url.startsWith('/api/docs/');
}

export function typed(app: FastifyInstance): TypedApp {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The caller, for handlers of non-public routes (the onRequest hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function clientInfo(request: FastifyRequest): { ip: string; userAgent: string | null } {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua.slice(0, 300) : null };
}
