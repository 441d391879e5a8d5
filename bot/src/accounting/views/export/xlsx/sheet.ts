/**
 * The SpreadsheetML parts of a one-sheet workbook (ECMA-376 Part 1), written by hand: content types,
 * relationships, workbook, styles, and the worksheet streamed row by row with inline strings.
 */
import type { CellValue, ColumnKind } from "../table-writer";

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Style indexes in styles.xml's cellXfs. */
const STYLE = { text: 0, money: 1, date: 2, header: 3, int: 0 } as const;
/** 1899-12-30: day 0 of Excel's 1900 date system as it is actually used. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** XML 1.0 forbids C0 controls other than tab, LF and CR, even escaped, and U+FFFE/U+FFFF. */
function invalidInXml(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff;
}

function stripInvalidXml(text: string): string {
  let i = 0;
  while (i < text.length && !invalidInXml(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) if (!invalidInXml(text.charCodeAt(i))) out += text[i];
  return out;
}

export function xmlEscape(text: string): string {
  return stripInvalidXml(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function excelSerial(ymd: number): number {
  const ms = Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, ymd % 100);
  return Math.round((ms - EXCEL_EPOCH_MS) / 86_400_000);
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, " ").slice(0, 31) || "Feuille1";
}

export function sheetParts(sheetName: string): Array<[string, string]> {
  return [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        `<sheet name="${xmlEscape(safeSheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        "</Relationships>",
    ],
    [
      "xl/styles.xml",
      // Built-in number formats: 4 = #,##0.00, 14 = short date (shown dd/mm/yyyy by a French Excel).
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
        "</styleSheet>",
    ],
  ];
}

export function sheetStart(columns: ReadonlyArray<{ kind: ColumnKind; width?: number }>): string {
  const cols = columns
    .map((c, i) => {
      const width = c.width ?? (c.kind === "money" ? 14 : c.kind === "date" ? 11 : 18);
      return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`;
    })
    .join("");
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    `<cols>${cols}</cols><sheetData>`
  );
}

export function SHEET_END(columnCount: number, rowCount: number): string {
  const last = `${columnName(Math.max(0, columnCount - 1))}${Math.max(1, rowCount)}`;
  return `</sheetData><autoFilter ref="A1:${last}"/></worksheet>`;
}

function cellXml(ref: string, kind: ColumnKind | "header", value: CellValue): string {
  if (value === null || value === undefined || value === "") return "";
  if (kind === "header") {
    return `<c r="${ref}" s="${STYLE.header}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(String(value))}</t></is></c>`;
  }
  if (typeof value === "number") {
    if (kind === "money") return `<c r="${ref}" s="${STYLE.money}"><v>${value / 100}</v></c>`;
    if (kind === "date") return value > 0 ? `<c r="${ref}" s="${STYLE.date}"><v>${excelSerial(value)}</v></c>` : "";
    return `<c r="${ref}"><v>${value}</v></c>`;
  }
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(value)}</t></is></c>`;
}

export function sheetRow(
  rowNumber: number,
  cells: ReadonlyArray<{ kind: ColumnKind | "header"; value: CellValue }>,
): string {
  return `<row r="${rowNumber}">${cells.map((c, i) => cellXml(`${columnName(i)}${rowNumber}`, c.kind, c.value)).join("")}</row>`;
}
