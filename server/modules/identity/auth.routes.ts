import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type AuthConfig,
  authConfigResponseSchema,
  changePasswordBodySchema,
  meResponseSchema,
  resetPasswordBodySchema,
  sessionResponseSchema,
  signInBodySchema,
  totpDisableBodySchema,
  totpEnableBodySchema,
  totpSetupResponseSchema,
} from '../../../common/schemas/auth';
import type { Config } from '../../platform/config/config';
import { type App, actorOf, clientInfo, typed } from '../../platform/http/http-server';
import { isSameMachineCaller } from '../../platform/http/local-caller';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'vp_session';

export interface AuthRoutesDeps {
  auth: AuthService;
  config: Config;
  /** What the sign-in page shows of the demo; passwords only to a caller on the server's own machine. */
  demoConfig: (sameMachine: boolean) => Promise<AuthConfig>;
}

const tags = ['Đăng nhập'];

export function registerAuthRoutes(app: App, deps: AuthRoutesDeps): void {
  const r = typed(app);
  const setCookie = (reply: FastifyReply, token: string, maxAge: number) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.session.cookieSecure,
      maxAge,
    });

  r.get(
    '/api/auth/config',
    { config: { public: true }, schema: { tags, response: { 200: authConfigResponseSchema } } },
    async (request, reply) => {
      // The answer depends on who asks: no cache may hand one caller's answer to another.
      reply.header('cache-control', 'no-store');
      return deps.demoConfig(isSameMachineCaller(request));
    },
  );

  r.post(
    '/api/auth/sign-in',
    { config: { public: true }, schema: { tags, body: signInBodySchema, response: { 200: meResponseSchema } } },
    async (request, reply) => {
      const result = await deps.auth.signIn(request.body, clientInfo(request), request.cookies[SESSION_COOKIE]);
      setCookie(reply, result.token, result.maxAgeSeconds);
      return { user: result.me };
    },
  );

  r.post('/api/auth/sign-out', { schema: { tags, response: { 204: z.null() } } }, async (request, reply) => {
    await deps.auth.signOut(actorOf(request));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.get('/api/auth/me', { schema: { tags, response: { 200: meResponseSchema } } }, async (request) => {
    return { user: deps.auth.meOf(actorOf(request)) };
  });

  // The web app's first question on every load: answered 200 either way, so a browser that is
  // not signed in logs no failed request.
  r.get(
    '/api/auth/session',
    { config: { public: true }, schema: { tags, response: { 200: sessionResponseSchema } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const actor = request.actor;
      return { user: actor ? deps.auth.meOf(actor) : null, ended: request.sessionEnded };
    },
  );

  r.post(
    '/api/auth/password',
    { schema: { tags, body: changePasswordBodySchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.auth.changePassword(actorOf(request), request.body.currentPassword, request.body.newPassword);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset',
    { config: { public: true }, schema: { tags, body: resetPasswordBodySchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.auth.resetPassword(request.body.token, request.body.newPassword, clientInfo(request));
      return reply.code(204).send(null);
    },
  );

  r.post('/api/auth/totp/setup', { schema: { tags, response: { 200: totpSetupResponseSchema } } }, async (request) =>
    deps.auth.startTotp(actorOf(request)),
  );

  r.post(
    '/api/auth/totp/enable',
    { schema: { tags, body: totpEnableBodySchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.auth.enableTotp(actorOf(request), request.body.code);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/totp/disable',
    { schema: { tags, body: totpDisableBodySchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deps.auth.disableTotp(actorOf(request), request.body.password, request.body.code);
      return reply.code(204).send(null);
    },
  );
}
