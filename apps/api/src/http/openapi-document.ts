import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

type Operation = { security?: Record<string, string[]>[]; responses: Record<string, unknown> };

const BEARER = 'bearer';
const PROBLEM = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } };

/**
 * The OpenAPI description served at /docs-json. Every operation says how it is
 * authenticated: a bearer API key (an opaque secret, not a JWT) unless it is one of the
 * public operations endpoints, which declare an empty requirement.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Vigie')
      .setDescription(
        'System of record for the data requests of ANSSI under Article L2321-3 of the Code de la défense. ' +
          'Errors are application/problem+json with a stable `code`. Lists are paged with `limit` and `cursor`.',
      )
      .setVersion('1')
      // package.json says UNLICENSED: no rights are granted; the link says what npm means by it.
      .setLicense('UNLICENSED (proprietary, all rights reserved)', 'https://docs.npmjs.com/cli/configuring-npm/package-json#license')
      .addServer('/', 'This server: the paths already start with /v1')
      // addBearerAuth would label the key a JWT: it is an opaque secret, compared by its sha256.
      .addSecurity(BEARER, { type: 'http', scheme: 'bearer', description: 'An opaque API key, as given at enrolment: `Authorization: Bearer <key>`' })
      .addSecurityRequirements(BEARER)
      .build(),
  );
  return finishOperations(document);
}

/** The answers generic decorators cannot get right per HTTP method. */
function finishOperations(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const operation = value as Operation;
      // A GET carries no body, so it can never be too large.
      if (method === 'get') delete operation.responses['413'];
      if (operation.security === undefined) {
        operation.security = [];
        // Public endpoints have no refusal of their own; the router's (bad URL, method) still apply.
        operation.responses['4XX'] ??= { description: 'A malformed request, refused by the router', content: PROBLEM };
      }
    }
  }
  return document;
}
