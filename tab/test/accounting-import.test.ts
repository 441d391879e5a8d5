import { describe, expect, it } from "vitest";
import type { FecIssue } from "@comptoir/shared/accounting/fec/issues";
import { accountingBase, queryString } from "../src/features/accounting/audience";
import { periodParams } from "../src/features/accounting/period";
import { formatFileSize, shortChecksum } from "../src/features/fec-import/file-size";
import { sortIssues } from "../src/features/fec-import/report-order";
import { fecUploadPath } from "../src/features/fec-import/upload";

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("accounting requests", () => {
  it("sends staff and clients to their own routes", () => {
    expect(accountingBase({ kind: "staff", dossierId: "d 1" })).toBe("/api/v1/dossiers/d%201/accounting");
    expect(accountingBase({ kind: "client", dossierId: "d1" })).toBe("/api/v1/client/societes/d1/accounting");
  });

  it("leaves empty parameters out of the query", () => {
    expect(queryString({ exercice: "2024-12-31", q: "", from: undefined, page: 0 })).toBe(
      "?exercice=2024-12-31&page=0",
    );
    expect(queryString({ q: undefined })).toBe("");
    expect(queryString({ q: "caf & thé" })).toBe("?q=caf+%26+th%C3%A9");
  });

  it("names the months only when the range is narrower than the exercice", () => {
    const exercice = {
      id: "2024-12-31",
      start: "2024-01-01",
      end: "2024-12-31",
      months: [202401, 202402, 202403, 202404, 202405, 202406, 202407, 202408, 202409, 202410, 202411, 202412],
      importId: "i1",
      importedAt: "2025-02-01T10:00:00.000Z",
      importedBy: null,
      fileName: null,
      lineCount: 10,
      etablissements: [],
      previousId: null,
    };
    expect(periodParams(exercice, { from: 202401, to: 202412 })).toEqual({ exercice: "2024-12-31" });
    expect(periodParams(exercice, null)).toEqual({ exercice: "2024-12-31" });
    expect(periodParams(exercice, { from: 202401, to: 202403 })).toEqual({
      exercice: "2024-12-31",
      from: "2024-01",
      to: "2024-03",
    });
    // A month of another exercice snaps back inside this one.
    expect(periodParams(exercice, { from: 202306, to: 202406 })).toEqual({
      exercice: "2024-12-31",
      from: "2024-01",
      to: "2024-06",
    });
  });

  it("uploads a FEC with its exercice and its file name", () => {
    expect(fecUploadPath("d1", { start: "2024-01-01", end: "2024-12-31" }, "732829320FEC20241231.txt")).toBe(
      "/api/v1/dossiers/d1/fec?start=2024-01-01&end=2024-12-31&fileName=732829320FEC20241231.txt",
    );
  });
});

describe("the import screen", () => {
  it("writes file sizes the way file managers do", () => {
    expect(plain(formatFileSize("fr", 512))).toBe("512 o");
    expect(plain(formatFileSize("fr", 10_547))).toBe("10,3 ko");
    expect(plain(formatFileSize("fr", 300 * 1024 * 1024))).toBe("300 Mo");
    expect(formatFileSize("en", 1536)).toBe("1.5 kB");
  });

  it("shortens checksums", () => {
    const sha = "72503d537402a3c9b1e0f4d2c8a6e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9";
    expect(shortChecksum(sha)).toBe("72503d537402…");
    expect(shortChecksum("abc")).toBe("abc");
  });

  it("lists blocking errors first, each kind in file order", () => {
    const issue = (line: number, severity: FecIssue["severity"]): FecIssue => ({
      line,
      severity,
      code: severity === "error" ? "FEC_BAD_DATE" : "FEC_FIELD_EMPTY",
      params: {},
    });
    const sorted = sortIssues([issue(40, "warning"), issue(39, "error"), issue(0, "error"), issue(2, "warning")]);
    expect(sorted.map((i) => `${i.severity}:${i.line}`)).toEqual(["error:0", "error:39", "warning:2", "warning:40"]);
  });
});
