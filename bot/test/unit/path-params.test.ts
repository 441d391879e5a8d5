import { describe, expectTypeOf, it } from "vitest";
import type { PathParams } from "../../src/api/http/path-params";

/** Type-level: `tsc -p bot` fails if handlers stop getting their path parameters by name. */
describe("PathParams", () => {
  it("names each `:param` of a path literal, as a string", () => {
    expectTypeOf<PathParams<"/contacts/:id/dossiers/:dossierId/services">>().toEqualTypeOf<{
      readonly id: string;
      readonly dossierId: string;
    }>();
    expectTypeOf<PathParams<"/roles">>().toEqualTypeOf<Record<never, string>>();
  });

  it("keeps the names a union of paths shares, and a prefix's names under any suffix", () => {
    type Prefix = "/dossiers/:dossierId/accounting" | "/client/societes/:dossierId/accounting";
    expectTypeOf<PathParams<`${Prefix}/balance`>>().toEqualTypeOf<{ readonly dossierId: string }>();
    expectTypeOf<PathParams<`${Prefix}/${string}`>>().toEqualTypeOf<{ readonly dossierId: string }>();
  });
});
