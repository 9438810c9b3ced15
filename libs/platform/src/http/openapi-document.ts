import { z } from 'zod';
import type { RestRoute } from './rest-route.js';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/** The error envelope every failure answers with. */
export const errorEnvelopeSchema = z.object({
  errorsExist: z.literal(true),
  errorList: z.object({
    error: z.array(
      z.object({
        errorCode: z.string(),
        errorMessage: z.string(),
        trackingId: z.string(),
      }),
    ),
  }),
  result: z.null(),
});

/** The path, query or header parameters of one zod object schema. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = schemaOf(schema);
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

const commonParameters: JsonSchema[] = [
  {
    name: 'format',
    in: 'query',
    required: false,
    description: 'json (default) or xml, in any case; the Accept header works too; any other value is a 400',
    schema: { type: 'string', enum: ['json', 'xml'] },
  },
];

/** The OpenAPI 3.1 document of the REST routes, from the same zod schemas that validate their input. */
export function openApiDocument(options: {
  title: string;
  version: string;
  serverUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- routes of every input and answer type
  routes: readonly RestRoute<any, any, any>[];
}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of options.routes) {
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, doc]) => [
        status,
        {
          description: doc.description,
          ...(doc.schema
            ? {
                content: {
                  'application/json': { schema: schemaOf(doc.schema) },
                  'application/xml': {},
                },
              }
            : {}),
        },
      ]),
    );
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: route.operationId,
        summary: route.summary,
        tags: route.tags ?? [],
        description: `Needs the permission \`${route.permission}\` and the module \`${route.moduleId}\` enabled.`,
        parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query'), ...commonParameters],
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: schemaOf(route.body) },
                  'application/xml': {},
                },
              },
            }
          : {}),
        responses: {
          ...responses,
          default: {
            description: "An error, in the reference's envelope",
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/ErrorEnvelope' },
              },
            },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: options.version },
    servers: [{ url: options.serverUrl }],
    security: [{ apiKeyHeader: [] }, { apiKeyParameter: [] }],
    components: {
      securitySchemes: {
        apiKeyHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'The value `apikey KEY`',
        },
        apiKeyParameter: { type: 'apiKey', in: 'query', name: 'apikey' },
      },
      schemas: { ErrorEnvelope: schemaOf(errorEnvelopeSchema) },
    },
    paths,
  };
}
