import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { createJsonLogger, NestJsonLogger, silentLogger, type JsonLogger, type VigieConfig } from '@vigie/runtime';
import { AppModule, type AppModuleOptions } from './app.module';
import { buildOpenApiDocument } from './http/openapi-document';
import { requestIdOf } from './http/request-id';
import { installRequestLog } from './http/request-log';
import { useJsonObjectBodies } from './http/json-body.parser';
import { answerRouterError } from './http/router-errors';
import { vigieValidationPipe } from './http/validation.pipe';

export interface CreateAppOptions extends AppModuleOptions {
  readonly config: VigieConfig;
  /** Nest's own lines; `false` silences them (and, without `log`, the request log too). */
  readonly logger?: LoggerService | false;
  /** Where the JSON log lines go; default: stdout at VIGIE_LOG_LEVEL. */
  readonly log?: JsonLogger;
}

/**
 * Builds the HTTP application (not yet listening): used by main and by the end-to-end tests.
 * Closing it (app.close(), SIGTERM) stops taking requests, then the scheduler and the
 * runner, then closes every store.
 */
export async function createApp({ config, logger, log, ...options }: CreateAppOptions): Promise<NestFastifyApplication> {
  const json = log ?? (logger === false ? silentLogger() : createJsonLogger(config.logLevel, 'vigie-api'));
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    logger: false,
    requestIdHeader: false,
    genReqId: requestIdOf,
    frameworkErrors: answerRouterError,
  });
  installRequestLog(adapter.getInstance(), json);
  // Bodies are parsed by Vigie's own JSON-object parser only (input limits, see json-body.parser).
  useJsonObjectBodies(adapter.getInstance(), config.bodyLimitBytes);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    adapter,
    { logger: logger ?? new NestJsonLogger(json), bufferLogs: false, abortOnError: false, bodyParser: false },
  );
  app.useGlobalPipes(vigieValidationPipe());
  app.enableShutdownHooks();
  // Built on the first request to /docs, not at start-up: scanning every route and DTO takes
  // a few hundred milliseconds that no start needs to wait for.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
