import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type TableColumn } from "../src/components/DataTable";

interface Row {
  code: string;
  name: string;
}

const columns: TableColumn<Row>[] = [
  { id: "code", header: "Code", cell: (r) => r.code },
  { id: "name", header: "Nom", cell: (r, i) => `${i + 1}. ${r.name}` },
];
const rows: Row[] = [
  { code: "A1", name: "Alpha" },
  { code: "B2", name: "Bêta" },
];

describe("the shared table", () => {
  it("names the table, heads each column and renders one row per item", () => {
    const html = renderToStaticMarkup(
      <DataTable label="Dossiers" columns={columns} rows={rows} rowKey={(r) => r.code} />,
    );
    expect(html).toMatch(/^<table[^>]*aria-label="Dossiers"/);
    expect(html.match(/<th[^>]*scope="col"[^>]*>/g)).toHaveLength(2);
    expect(html).toContain(">2. Bêta<");
    expect(html.match(/<tr/g)).toHaveLength(3);
  });

  it("says the empty case in words instead of an empty table, or keeps the header without words", () => {
    const empty = renderToStaticMarkup(
      <DataTable label="Dossiers" columns={columns} rows={[]} rowKey={(r) => r.code} empty="Aucun dossier." />,
    );
    expect(empty).toMatch(/^<p[^>]*>Aucun dossier\.<\/p>$/);
    const headerOnly = renderToStaticMarkup(
      <DataTable label="Dossiers" columns={columns} rows={[]} rowKey={(r) => r.code} />,
    );
    expect(headerOnly).toMatch(/^<table/);
    expect(headerOnly.match(/<th\b/g)).toHaveLength(2);
  });

  it("scrolls in a focusable region that bears the table's name", () => {
    const html = renderToStaticMarkup(
      <DataTable labelledBy="title" columns={columns} rows={rows} rowKey={(r) => r.code} scrollClassName="scroll" />,
    );
    expect(html).toMatch(
      /^<div class="scroll" role="region" aria-labelledby="title" tabindex="0"><table[^>]*aria-labelledby="title"/,
    );
  });
});
