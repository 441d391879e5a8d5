/**
 * Table properties hold at most 64 KiB (32 K UTF-16 characters) and an entity at most 1 MiB, so long
 * JSON is cut into properties `p0…pN` of an entity, and into several entities when one is not enough.
 */
export const PROPERTY_CHARS = 30_000;
/** 12 × 30,000 UTF-16 characters ≈ 720 KB: under the 1 MiB entity limit with room for keys and columns. */
export const PROPERTIES_PER_ENTITY = 12;
export const ENTITY_CHARS = PROPERTY_CHARS * PROPERTIES_PER_ENTITY;

export type PackedProperties = Record<string, string | number>;

/** Cuts `text` (≤ ENTITY_CHARS) into `p0…pN` plus the count `pn`. */
export function packProperties(text: string, prefix = "p"): PackedProperties {
  if (text.length > ENTITY_CHARS) throw new Error(`${text.length} characters do not fit one entity`);
  const out: PackedProperties = {};
  let n = 0;
  for (let i = 0; i < text.length || n === 0; i += PROPERTY_CHARS)
    out[`${prefix}${n++}`] = text.slice(i, i + PROPERTY_CHARS);
  out[`${prefix}n`] = n;
  return out;
}

export function unpackProperties(entity: Record<string, unknown>, prefix = "p"): string {
  const n = entity[`${prefix}n`];
  if (typeof n !== "number") throw new Error(`Entity has no packed ${prefix} properties`);
  let text = "";
  for (let i = 0; i < n; i++) {
    const part = entity[`${prefix}${i}`];
    if (typeof part !== "string") throw new Error(`Packed property ${prefix}${i} is missing`);
    text += part;
  }
  return text;
}

/** Cuts long text into entity-sized pieces (each then packed with packProperties). */
export function entityChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length || chunks.length === 0; i += ENTITY_CHARS)
    chunks.push(text.slice(i, i + ENTITY_CHARS));
  return chunks;
}
