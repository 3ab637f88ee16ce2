import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { VigieConfig } from '@vigie/runtime';
import { AppModule, type AppModuleOptions } from './app.module';
import { useJsonObjectBodies } from './http/json-body.parser';
import { answerRouterError } from './http/router-errors';
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
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, logger: false, frameworkErrors: answerRouterError });
  // Bodies are parsed by Vigie's own JSON-object parser only (input limits, see json-body.parser).
  useJsonObjectBodies(adapter.getInstance(), config.bodyLimitBytes);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    adapter,
    { logger: logger ?? new Logger(), bufferLogs: false, abortOnError: false, bodyParser: false },
  );
  app.useGlobalPipes(vigieValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie')
      .setDescription(
        'System of record for the data requests of ANSSI under Article L2321-3 of the Code de la défense. ' +
          'Errors are application/problem+json with a stable `code`.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
