/**
 * The part of the OpenAPI 3.1 document schema that Comptoir's generator uses, written from the
 * specification (https://spec.openapis.org/oas/v3.1.0): the objects it emits, with their required
 * fields and no other keys than the specification allows. Schema Objects are only required to be JSON
 * Schemas here; the test checks each against the JSON Schema 2020-12 meta-schema.
 */
const extensions = { "^x-": true };
const text = { type: "string" };
const schemaObject = { type: ["object", "boolean"] };
const strict = (properties: Record<string, unknown>, required: string[] = []) => ({
  type: "object",
  properties,
  required,
  patternProperties: extensions,
  additionalProperties: false,
});

/** `type/subtype`, optionally with parameters (RFC 7231 media-type), e.g. `text/csv; charset=utf-8`. */
const content = {
  type: "object",
  minProperties: 1,
  propertyNames: { pattern: "^[\\w.+-]+/[\\w.+-]+(\\s*;\\s*[\\w.+-]+=[\\w.+-]+)*$" },
  additionalProperties: strict({ schema: schemaObject, example: true, examples: { type: "object" } }),
};

const parameter = {
  ...strict(
    {
      name: { type: "string", minLength: 1 },
      in: { enum: ["query", "header", "path", "cookie"] },
      description: text,
      required: { type: "boolean" },
      deprecated: { type: "boolean" },
      schema: schemaObject,
    },
    ["name", "in", "schema"],
  ),
  // "If the parameter location is "path", this property is REQUIRED and its value MUST be true."
  if: { properties: { in: { const: "path" } } },
  then: { required: ["required"], properties: { required: { const: true } } },
};

const operation = strict(
  {
    summary: text,
    description: text,
    operationId: text,
    tags: { type: "array", items: text },
    parameters: { type: "array", items: parameter },
    requestBody: strict({ description: text, required: { type: "boolean" }, content }, ["content"]),
    responses: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: "^([1-5](\\d\\d|XX)|default)$" },
      additionalProperties: strict({ description: text, content, headers: { type: "object" } }, ["description"]),
    },
    security: { type: "array" },
    deprecated: { type: "boolean" },
  },
  ["responses"],
);

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export const OPENAPI_31_SHAPE = strict(
  {
    openapi: { type: "string", pattern: "^3\\.1\\.\\d+$" },
    info: strict({ title: text, version: text, description: text }, ["title", "version"]),
    servers: { type: "array", items: strict({ url: text, description: text }, ["url"]) },
    security: { type: "array", items: { type: "object", additionalProperties: { type: "array", items: text } } },
    paths: {
      type: "object",
      propertyNames: { pattern: "^/" },
      additionalProperties: strict(Object.fromEntries(METHODS.map((m) => [m, operation]))),
    },
    components: strict({
      schemas: { type: "object", additionalProperties: schemaObject },
      securitySchemes: {
        type: "object",
        additionalProperties: strict({ type: text, scheme: text, bearerFormat: text, description: text }, ["type"]),
      },
    }),
  },
  ["openapi", "info", "paths"],
);
