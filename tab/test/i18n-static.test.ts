import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every string a person can see or hear goes through the catalogue: JSX text, string children and the
 * props that carry text (aria-label, title, placeholder, label…) must not be literals with words in them.
 */
const SRC = fileURLToPath(new URL("../src", import.meta.url));

const TEXT_PROPS = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "aria-placeholder",
  "title",
  "placeholder",
  "label",
  "alt",
  "hint",
  "validationMessage",
  "confirmLabel",
  "content",
]);
/** Object properties that end up on screen (grid column headers, option labels…). */
const TEXT_KEYS = new Set(["header", "label", "title", "placeholder", "message", "ariaLabel"]);
const WORDS = /\p{L}/u;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function literalText(node: ts.Node | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  }
  if (ts.isJsxExpression(node)) return literalText(node.expression);
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((p) => p !== null);
    return parts.length > 0 ? parts.join(" ") : null;
  }
  return null;
}

export function findUntranslated(source: string, file = "inline.tsx"): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: text.trim() });

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== null && WORDS.test(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(sf))) {
      const text = literalText(node.initializer);
      if (text !== null && WORDS.test(text)) report(node, `${node.name.getText(sf)}=${text}`);
    }
    if (ts.isPropertyAssignment(node) && TEXT_KEYS.has(node.name.getText(sf))) {
      const text = literalText(node.initializer);
      if (text !== null && WORDS.test(text)) report(node, `${node.name.getText(sf)}: ${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe("the untranslated-text scan", () => {
  it("flags JSX text, string children and text props written as literals", () => {
    const found = findUntranslated(`
      const columns = [{ id: "x", header: "Code" }];
      export const A = () => (
        <div title="Titre" aria-label={"Étiquette"}>
          Bonjour
          {"le monde"}
          <input placeholder={\`Rechercher \${x}\`} />
          <Field label={ok ? "Oui" : t("staff.no")} />
        </div>
      );
    `);
    expect(found.map((f) => f.text)).toEqual([
      "header: Code",
      "title=Titre",
      "aria-label=Étiquette",
      "Bonjour",
      "le monde",
      "placeholder=Rechercher",
      "label=Oui",
    ]);
  });

  it("accepts catalogue calls, data, punctuation and non-text props", () => {
    const found = findUntranslated(`
      export const B = ({ d }) => (
        <Button appearance="primary" aria-label={t("staff.action.add")} title={d.name} type="submit">
          {t("staff.action.add")} {d.code} – {" "}
          <Badge color="brand">{d.count}</Badge>
          <Field label={t(labelKey)} hint={undefined} />
        </Button>
      );
    `);
    expect(found).toEqual([]);
  });
});

describe("tab/src", () => {
  it("shows no text that bypasses the catalogue", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(40);
    const findings = files.flatMap((file) =>
      findUntranslated(readFileSync(file, "utf8"), relative(SRC, file)).map((f) => `${f.file}:${f.line} ${f.text}`),
    );
    expect(findings).toEqual([]);
  });
});
