import { mergeClasses } from "@fluentui/react-components";
import type { OpenItemDto } from "@comptoir/shared/api/aged-balance";
import { useLocale, useT } from "../../../i18n/context";
import { formatAmount } from "../money";
import { formatYmd } from "../months";
import { useTableStyles } from "../table-styles";
import { useVisuallyHidden } from "../visually-hidden";
import { DATE_KIND_KEY } from "./aged-keys";

/** "15/01/2024 (pièce)": the date the age counts from, and which date of the line it is. */
export function DateUsed({ item }: { item: Pick<OpenItemDto, "dateUsed" | "dateKind"> }) {
  const t = useT();
  const { locale } = useLocale();
  const hidden = useVisuallyHidden();
  return (
    <>
      {formatYmd(locale, item.dateUsed)} <span aria-hidden="true">({t(DATE_KIND_KEY[item.dateKind].short)})</span>
      <span className={hidden.root}>{t(DATE_KIND_KEY[item.dateKind].long)}</span>
    </>
  );
}

/** One open line's cells after its first (date) one: date used, journal, écriture, pièce, libellé, amount, age. */
export function OpenLineCells({ item }: { item: OpenItemDto }) {
  const table = useTableStyles();
  const { locale } = useLocale();
  return (
    <>
      <td className={mergeClasses(table.td, table.code)}>
        <DateUsed item={item} />
      </td>
      <td className={mergeClasses(table.td, table.code)}>{item.journalCode}</td>
      <td className={mergeClasses(table.td, table.code)}>{item.ecritureNum}</td>
      <td className={mergeClasses(table.td, table.code)}>{item.pieceRef}</td>
      <td className={table.td}>{item.ecritureLib}</td>
      <td className={mergeClasses(table.td, table.num)}>{formatAmount(locale, item.amountCents)}</td>
      <td className={mergeClasses(table.td, table.num)}>{item.ageDays}</td>
    </>
  );
}

const OPEN_LINE_HEADERS = [
  "agedUi.col.dateUsed",
  "agedUi.col.journal",
  "agedUi.col.ecriture",
  "agedUi.col.piece",
  "agedUi.col.libelle",
  "agedUi.col.amount",
  "agedUi.col.age",
] as const;

/** The header cells matching OpenLineCells. */
export function OpenLineHeaders() {
  const table = useTableStyles();
  const t = useT();
  return (
    <>
      {OPEN_LINE_HEADERS.map((h) => (
        <th
          key={h}
          scope="col"
          className={mergeClasses(
            table.th,
            h === "agedUi.col.amount" || h === "agedUi.col.age" ? table.num : undefined,
          )}
        >
          {t(h)}
        </th>
      ))}
    </>
  );
}
