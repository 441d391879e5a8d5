/**
 * Loads the `adaptivecards` renderer library (v3) for tests only. Its `lib/` build is ESM with
 * extensionless imports that Node cannot load, so we take the UMD bundle in `dist/`. The import is
 * dynamic and typed structurally: shared/ must not depend on the package (lint boundary), and parsing
 * (unlike rendering) needs no DOM.
 */
export interface ParseEvent {
  phase: number;
  event: number;
  message: string;
}

interface SerializationContext {
  readonly eventCount: number;
  getEventAt(index: number): ParseEvent;
}

interface ParsedCard {
  parse(source: unknown, context?: SerializationContext): void;
  validateProperties(): { validationEvents: ParseEvent[] };
  toJSON(): unknown;
}

export interface AdaptiveCardsLib {
  AdaptiveCard: new () => ParsedCard;
  SerializationContext: new () => SerializationContext;
}

const BUNDLE = "adaptivecards/dist/adaptivecards.js";

function isLib(candidate: unknown): candidate is AdaptiveCardsLib {
  if (typeof candidate !== "object" || candidate === null) return false;
  const record = candidate as Record<string, unknown>;
  return typeof record.AdaptiveCard === "function" && typeof record.SerializationContext === "function";
}

export async function loadAdaptiveCards(): Promise<AdaptiveCardsLib> {
  const mod: unknown = await import(/* @vite-ignore */ BUNDLE);
  const fallback = typeof mod === "object" && mod !== null ? (mod as { default?: unknown }).default : undefined;
  for (const candidate of [mod, fallback]) if (isLib(candidate)) return candidate;
  throw new Error(`${BUNDLE} does not export AdaptiveCard and SerializationContext`);
}

/** Parses a card the way a host would, returning parse and validation events and the re-serialized card. */
export function parseWithLibrary(lib: AdaptiveCardsLib, json: unknown): { events: ParseEvent[]; roundTrip: unknown } {
  const context = new lib.SerializationContext();
  const card = new lib.AdaptiveCard();
  card.parse(json, context);
  const events: ParseEvent[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i));
  events.push(...card.validateProperties().validationEvents);
  return { events, roundTrip: card.toJSON() };
}

/** A key the library drops although it is valid (decided by the caller). */
export type KnownDrop = (parent: Record<string, unknown>, key: string) => boolean;

/**
 * Paths of the input's keys the library dropped when re-serializing: a dropped key is a property it does
 * not know (a typo, or a property outside the schema). Values are not compared: the library rewrites enum
 * casing (`bolder` → `Bolder`) and omits defaults it knows.
 */
export function droppedKeys(input: unknown, output: unknown, isKnownDrop: KnownDrop, path = ""): string[] {
  if (Array.isArray(input)) {
    const out = Array.isArray(output) ? output : [];
    return input.flatMap((item: unknown, i) => droppedKeys(item, out[i], isKnownDrop, `${path}[${i}]`));
  }
  if (typeof input !== "object" || input === null) return [];
  const source = input as Record<string, unknown>;
  const target = typeof output === "object" && output !== null ? (output as Record<string, unknown>) : {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(source)) {
    const here = path ? `${path}.${key}` : key;
    if (!(key in target)) {
      if (!isKnownDrop(source, key)) dropped.push(here);
    } else {
      dropped.push(...droppedKeys(value, target[key], isKnownDrop, here));
    }
  }
  return dropped;
}
