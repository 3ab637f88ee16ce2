import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Principal, VigieRuntime } from '@vigie/runtime';
import { AppModule } from './app.module';
import { vigieValidationPipe } from './http/validation.pipe';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { FEATURE_CONTROLLERS } from './features';

export interface CreateAppOptions {
  readonly runtime: VigieRuntime;
  readonly principals: ReadonlyMap<string, Principal>;
  readonly logger?: LoggerService | false;
  readonly idempotencyStore?: IdempotencyStore;
}

/** Builds the HTTP application (not yet listening): used by main and by the end-to-end tests. */
export async function createApp({ runtime, principals, logger, idempotencyStore }: CreateAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: runtime.config.bodyLimitBytes, logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRuntime({ runtime, principals, controllers: FEATURE_CONTROLLERS, idempotencyStore }),
    adapter,
    { logger: logger ?? new Logger(), bufferLogs: false, abortOnError: false },
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
  const idempotency = app.get(IdempotencyStore);
  // Fastify closes after the server stopped taking requests: only then close the stores.
  // (Also on SIGTERM/SIGINT, through enableShutdownHooks.)
  app.getHttpAdapter().getInstance().addHook('onClose', async () => {
    await idempotency.close();
    await runtime.close();
  });
  return app;
}
