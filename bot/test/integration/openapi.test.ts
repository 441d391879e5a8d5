import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTING_EXPORT_MIME } from "@comptoir/shared/api/accounting";
import { OPENAPI_31_SHAPE } from "./openapi-shape";
import { call, PERSONS, startTestApp, type TestApp } from "./harness";

type Parameter = { name: string; in: string; required?: boolean; schema: unknown };
type Answer = { description: string; content?: Record<string, { schema?: Record<string, unknown> }> };
type Operation = {
  "x-allowed-audiences": string[];
  parameters: Parameter[];
  requestBody?: { required: boolean; content: Record<string, unknown> };
  responses: Record<string, Answer>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: object } };

let app: TestApp;
let doc: Doc;
beforeAll(async () => {
  app = await startTestApp();
  doc = (await call<Doc>(app, "GET", "/openapi.json")).body;
});
afterAll(() => app.close());

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );
const queryNames = (op: Operation | undefined) =>
  (op?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);

describe("the OpenAPI document", () => {
  it("is an OpenAPI 3.1 document whose every schema is a JSON Schema 2020-12", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(OPENAPI_31_SHAPE);
    expect(validate(doc), JSON.stringify(validate.errors, null, 1)).toBe(true);

    const schemas: unknown[] = Object.values(doc.components.schemas);
    for (const { operation } of operations()) {
      schemas.push(...operation.parameters.map((p) => p.schema));
      for (const answer of Object.values(operation.responses))
        schemas.push(...Object.values(answer.content ?? {}).map((m) => m.schema));
    }
    for (const schema of schemas.filter((s) => s !== undefined)) {
      expect(ajv.validateSchema(schema as object), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it("declares each path's template parameters exactly, and no parameter twice", () => {
    for (const { path, method, operation } of operations()) {
      const where = `${method} ${path}`;
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        operation.parameters.filter((p) => p.in === "path").map((p) => p.name),
        where,
      ).toEqual(templated);
      const keys = operation.parameters.map((p) => `${p.in}:${p.name}`);
      expect(new Set(keys).size, where).toBe(keys.length);
    }
  });

  it("documents every route of the registry, JSON and stream alike, with its audiences", () => {
    const routes = app.running.routes;
    expect(operations()).toHaveLength(routes.length);
    for (const route of routes) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, "{$1}")]?.[route.method];
      expect(op?.["x-allowed-audiences"], `${route.method} ${route.path}`).toEqual(route.allow);
    }
  });

  it("describes the FEC upload: staff only, raw bytes in, the import and its report out", () => {
    const upload = doc.paths["/dossiers/{id}/fec"]?.post;
    expect(upload?.["x-allowed-audiences"]).toEqual(["staff"]);
    expect(upload?.requestBody).toMatchObject({ required: true, content: { "application/octet-stream": {} } });
    expect(queryNames(upload).sort()).toEqual(["end", "exercice", "fileName", "start"]);
    expect(upload?.parameters.find((p) => p.name === "fileName")?.required).toBe(true);
    for (const status of ["201", "422"]) {
      const schema = upload?.responses[status]?.content?.["application/json"]?.schema;
      expect(Object.keys(schema?.properties ?? {}), status).toEqual(["import", "report"]);
    }
    expect(upload?.responses.default?.content?.["application/json"]?.schema).toEqual({
      $ref: "#/components/schemas/Error",
    });
  });

  it("lists each export file for staff and clients, with its media type and the view's query without paging", () => {
    const audiences = { "/dossiers/{dossierId}": ["staff"], "/client/societes/{dossierId}": ["client"] };
    for (const [prefix, allow] of Object.entries(audiences)) {
      for (const view of ["balance", "grand-livre", "journaux"]) {
        for (const format of ["csv", "xlsx"] as const) {
          const get = doc.paths[`${prefix}/accounting/export/${view}.${format}`]?.get;
          const where = `${prefix} ${view}.${format}`;
          expect(get?.["x-allowed-audiences"], where).toEqual(allow);
          expect(Object.keys(get?.responses["200"]?.content ?? {}), where).toEqual([ACCOUNTING_EXPORT_MIME[format]]);
          expect(get?.requestBody, where).toBeUndefined();
          const query = queryNames(get);
          expect(query, where).toEqual(expect.arrayContaining(["exercice", "from", "to", "q"]));
          expect(query, where).not.toContain("page");
          if (view === "grand-livre") expect(query, where).toEqual(expect.arrayContaining(["account", "lettering"]));
          if (view === "journaux") expect(query, where).toContain("journal");
        }
      }
    }
    expect(ACCOUNTING_EXPORT_MIME.csv).toMatch(/^text\/csv/);
  });

  it("is staff-only, like the back office it describes", async () => {
    const asClient = await call(app, "GET", "/openapi.json", { as: PERSONS.client });
    expect(asClient.status).toBe(403);
  });
});
