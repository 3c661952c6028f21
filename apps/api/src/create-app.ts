import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { extname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { noStoreByDefault } from './modules/publication/http/cached-response';
import { PublicResultsFastPath } from './modules/publication/http/public-results.fast-path';
import type { AppConfig } from './platform/config/app-config';
import { ProblemDetailsFilter } from './platform/errors/problem-details.filter';
import { PinoNestLogger, requestLogger } from './platform/logging/logger';
import { OriginCheckingIoAdapter } from './platform/realtime/origin-io.adapter';
import { RedisIoAdapter } from './platform/realtime/redis-io.adapter';
import { JsonBodyInterceptor } from './platform/validation/json-body';
import './platform/validation/german-zod';

// `spa`: the paths the app routes on the client; a deep link under one of them gets its index.html.
// The results page lists its route prefixes so that /api, /office and /socket.io are never shadowed.
const WEB_APPS = [
  { mount: '/office', dir: 'dist/apps/office-web', spa: ['/office'] },
  // The postal-vote application (R3.8): /briefwahl, and the cards' short QR links /b/<token>; the
  // volunteer poll workers' sign-up (/wahlhelfer) shares its form parts.
  { mount: '/briefwahl', dir: 'dist/apps/postal-web', spa: ['/briefwahl', '/b', '/wahlhelfer'] },
  { mount: '/', dir: 'dist/apps/results-web', spa: ['/wahl', '/embed', '/kiosk'] },
] as const;

/** Builds the whole HTTP + WebSocket application; used by start-up and by the tests. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestLogger(logger));
  // No body parser before the routes (issue 17, finding 4): JSON is read per route after the access
  // guard (JsonBodyInterceptor, 1 MB unless the route says more); register uploads stream.
  app.use(securityHeaders());
  app.use(noStoreByDefault);
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalInterceptors(new JsonBodyInterceptor(app.get(Reflector)));
  answerPublicResultsFirst(app);
  const allowedOrigins = [new URL(config.publicBaseUrl).origin, ...config.allowedOrigins];
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.redisUrl, allowedOrigins);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  } else {
    app.useWebSocketAdapter(new OriginCheckingIoAdapter(app, allowedOrigins));
  }

  const openApi = new DocumentBuilder()
    .setTitle('Wahlsystem API')
    .setDescription('Elections, electoral roll, polling cards, quick reports and results')
    .addBearerAuth()
    .addCookieAuth('wahl_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  for (const web of WEB_APPS) {
    const dir = resolve(web.dir);
    if (!existsSync(dir)) continue;
    app.use(web.mount, filesOnly(express.static(dir, { index: 'index.html', setHeaders: cacheHeaders })));
    for (const route of web.spa) app.use(route, spaFallback(resolve(dir, 'index.html')));
  }
  // Any other page address is the public page's "Seite nicht gefunden" (German, HTML, status 404), not the API's JSON.
  const resultsIndex = resolve('dist/apps/results-web/index.html');
  if (existsSync(resultsIndex)) app.use(pageNotFound(resultsIndex));
  return app;
}

/**
 * Security headers on every page and API answer (issue 17, finding 8): a CSP that allows only this
 * origin's scripts, styles, images and connections (style attributes set by the views and `data:`
 * icons allowed), nosniff, no referrer (a postal token in `/b/<token>` must not travel on), and no
 * framing – except the results page's embed view (`/embed/...`), which municipalities put in an iframe.
 * The API documentation (Swagger UI) needs its inline styles.
 */
function securityHeaders(): (request: Request, response: Response, next: NextFunction) => void {
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
  const common = { referrerPolicy: { policy: 'no-referrer' as const }, xContentTypeOptions: true };
  const pages = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives }, frameguard: { action: 'deny' } });
  const embed = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, frameAncestors: ['*'] } },
    frameguard: false,
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc: ["'self'", "'unsafe-inline'"] } },
    frameguard: { action: 'deny' },
  });
  return (request, response, next) => {
    if (/^\/embed(?:\/|$)/.test(request.path)) embed(request, response, next);
    else if (/^\/api\/docs(?:\/|$)/.test(request.path)) docs(request, response, next);
    else pages(request, response, next);
  };
}

/**
 * Public results JSON from memory, ahead of Express and the request log: election night's hot
 * path (issue 6). The server's request listeners (Express; socket.io wraps them later) get every
 * request the fast path does not answer.
 */
function answerPublicResultsFirst(app: NestExpressApplication): void {
  const fastPath = app.get(PublicResultsFastPath);
  const server = app.getHttpServer() as Server;
  const listeners = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    // The fast path's JSON bypasses helmet: the headers that matter for data (issue 17, finding 8).
    if (request.url?.startsWith('/api/public/')) {
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
    }
    if (fastPath.handle(request, response)) return;
    for (const listener of listeners) listener(request, response);
  });
}

// API and socket requests never look for a file on disk: a stat per request would cap the public
// JSON endpoints (issue 6) at a few thousand requests per second.
const NOT_FILES = /^\/(?:api|socket\.io)(?:\/|\?|$)/;
function filesOnly(serve: (request: Request, response: Response, next: NextFunction) => void) {
  return (request: Request, response: Response, next: NextFunction): void =>
    NOT_FILES.test(request.originalUrl) ? next() : serve(request, response, next);
}

/** Vite names built assets by content hash: they never change, so browsers and CDNs may keep them for good. */
function cacheHeaders(response: Response, path: string): void {
  if (/[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(?:js|css)$/.test(path))
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}

const wantsPage = (request: Request): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && !extname(request.path) && request.accepts('html') === 'html';

/** Page addresses (no file extension, HTML wanted) that no file matched are answered with the app's index.html. */
function spaFallback(indexFile: string): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    if (wantsPage(request)) response.sendFile(indexFile);
    else next();
  };
}

/** The address prefixes of the other apps: theirs to answer even when they are not built. */
const OTHER_APP_PREFIXES = WEB_APPS.flatMap((web) => (web.mount === '/' ? [] : [web.mount, ...web.spa]));
const underOtherApp = (path: string): boolean => OTHER_APP_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A page address outside every app (and outside /api): the results page, whose router shows its German 404, with status 404. */
function pageNotFound(indexFile: string): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    if (wantsPage(request) && !NOT_FILES.test(request.originalUrl) && !underOtherApp(request.path))
      response.status(404).sendFile(indexFile);
    else next();
  };
}
