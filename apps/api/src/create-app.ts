import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import type { AppConfig } from './platform/config/app-config';
import { ProblemDetailsFilter } from './platform/errors/problem-details.filter';
import { PinoNestLogger, requestLogger } from './platform/logging/logger';
import { RedisIoAdapter } from './platform/realtime/redis-io.adapter';

// `spa`: the app routes on the client, so a deep link under its mount gets its index.html.
const WEB_APPS = [
  { mount: '/office', dir: 'dist/apps/office-web', spa: true },
  { mount: '/', dir: 'dist/apps/results-web', spa: false },
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
  app.useBodyParser('json', { limit: '20mb' });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '2gb' });
  app.setGlobalPrefix('api');
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (config.redisUrl) {
    const adapter = new RedisIoAdapter(app, config.redisUrl);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
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
    app.useStaticAssets(dir, { prefix: web.mount, index: 'index.html' });
    if (web.spa) app.use(web.mount, spaFallback(resolve(dir, 'index.html')));
  }
  return app;
}

/** Page addresses (no file extension, HTML wanted) that no file matched are answered with the app's index.html. */
function spaFallback(indexFile: string): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !extname(request.path) && request.accepts('html') === 'html';
    if (wantsPage) response.sendFile(indexFile);
    else next();
  };
}
