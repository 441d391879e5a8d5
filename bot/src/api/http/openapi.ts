import { z } from "zod";
import { errorBodySchema } from "@comptoir/shared";
import { HTTP_STATUS } from "./error-status";
import type { AnyRoute } from "./route";

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

/** Express `/dossiers/:id` → OpenAPI `/dossiers/{id}`. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, "{$1}");

/** The OpenAPI 3.1 document of `/api/v1`, generated from the same zod schemas the routes parse with. */
export function buildOpenApi(routes: readonly AnyRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = route.query ? queryParameters(toSchema(route.query, "input")) : [];
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: route.tag ? [route.tag] : [],
      "x-allowed-audiences": route.allow,
      parameters: [
        ...pathParams,
        ...queryParams,
        ...(route.ifMatch
          ? [{ name: "If-Match", in: "header", required: route.ifMatch === "required", schema: { type: "string" } }]
          : []),
        { name: "Accept-Language", in: "header", required: false, schema: { type: "string", example: "fr" } },
      ],
      responses: {
        [route.method === "post" ? "201" : route.response ? "200" : "204"]: {
          description: "OK",
          ...(route.response
            ? { content: { "application/json": { schema: toSchema(route.response, "output") } } }
            : {}),
        },
        default: {
          description: "Error, with a stable code",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    };
    if (route.body)
      operation.requestBody = {
        required: true,
        content: { "application/json": { schema: toSchema(route.body, "input") } },
      };
    (paths[openApiPath(route.path)] ??= {})[route.method] = operation;
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
