import { z } from "zod";
import { errorBodySchema } from "@comptoir/shared";
import { HTTP_STATUS } from "./error-status";
import type { AnswerDoc, AnyRoute, JsonRoute, StreamRoute } from "./route";

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

/** Express `/dossiers/:id` → OpenAPI `/dossiers/{id}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

const jsonContent = (schema: JsonSchema) => ({ content: { "application/json": { schema } } });

const ERROR_ANSWER = {
  description: "Error, with a stable code",
  ...jsonContent({ $ref: "#/components/schemas/Error" }),
};

/** The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the routes parse with. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const parts = route.kind === "json" ? jsonParts(route) : streamParts(route);
    (paths[openApiPath(route.path)] ??= {})[route.method] = {
      summary: route.summary,
      tags: route.tag ? [route.tag] : [],
      "x-allowed-audiences": route.allow,
      parameters: [
        ...[...route.path.matchAll(/:(\w+)/g)].map((m) => ({
          name: m[1],
          in: "path",
          required: true,
          schema: { type: "string" },
        })),
        ...(route.query ? queryParameters(toSchema(route.query, "input")) : []),
        ...parts.headers,
        { name: "Accept-Language", in: "header", required: false, schema: { type: "string", example: "fr" } },
      ],
      ...(parts.requestBody ? { requestBody: parts.requestBody } : {}),
      responses: { ...parts.responses, default: ERROR_ANSWER },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Comptoir API",
      version,
      description: "Firm back office and client consultation. Every call needs a bearer token.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: { Error: toSchema(errorBodySchema, "output") },
      "x-error-codes": HTTP_STATUS,
    },
  };
}

type OperationParts = { headers: unknown[]; requestBody?: unknown; responses: Record<string, unknown> };

function jsonParts(route: JsonRoute): OperationParts {
  const success = route.method === "post" ? "201" : route.response ? "200" : "204";
  return {
    headers: route.ifMatch
      ? [{ name: "If-Match", in: "header", required: route.ifMatch === "required", schema: { type: "string" } }]
      : [],
    ...(route.body ? { requestBody: { required: true, ...jsonContent(toSchema(route.body, "input")) } } : {}),
    responses: {
      [success]: { description: "OK", ...(route.response ? jsonContent(toSchema(route.response, "output")) : {}) },
    },
  };
}

/** Raw bodies and files are described by media type only (OpenAPI 3.1: an empty Media Type Object is any bytes). */
function streamParts(route: StreamRoute): OperationParts {
  const answer = (doc: AnswerDoc) => ({
    description: doc.description,
    ...("json" in doc ? jsonContent(toSchema(doc.json, "output")) : { content: { [doc.file]: {} } }),
  });
  return {
    headers: [],
    ...(route.request
      ? {
          requestBody: {
            required: true,
            description: route.request.description,
            content: { [route.request.contentType]: {} },
          },
        }
      : {}),
    responses: Object.fromEntries(Object.entries(route.responses).map(([status, doc]) => [status, answer(doc)])),
  };
}

function queryParameters(schema: JsonSchema): unknown[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => ({
    name,
    in: "query",
    required: required.has(name) && !("default" in s),
    schema: s,
  }));
}
