import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { VigieConfig } from '@vigie/runtime';
import { AppModule, type AppModuleOptions } from './app.module';
import { buildOpenApiDocument } from './http/openapi-document';
import { vigieValidationPipe } from './http/validation.pipe';

export interface CreateAppOptions extends AppModuleOptions {
  readonly config: VigieConfig;
  readonly logger?: LoggerService | false;
}

/**
 * Builds the HTTP application (not yet listening): used by main and by the end-to-end tests.
 * Closing it (app.close(), SIGTERM) stops taking requests, then the scheduler and the
 * runner, then closes every store.
 */
export async function createApp({ config, logger, ...options }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    adapter,
    { logger: logger ?? new Logger(), bufferLogs: false, abortOnError: false },
  );
  app.useGlobalPipes(vigieValidationPipe());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
