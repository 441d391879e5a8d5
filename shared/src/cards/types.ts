/**
 * The subset of the Adaptive Card 1.5 schema our cards use, so builders are checked by the compiler.
 * Names and casing follow the schema (adaptivecards.io); anything not listed here is not produced.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const ADAPTIVE_CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
export const ADAPTIVE_CARD_VERSION = "1.5";
/** Content type of an Adaptive Card attachment and of an `adaptiveCard/action` response carrying a card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export type Spacing = "none" | "small" | "default" | "medium" | "large" | "extraLarge" | "padding";
export type ContainerStyle = "default" | "emphasis" | "good" | "attention" | "warning" | "accent";
export type TextColor = "default" | "dark" | "light" | "accent" | "good" | "warning" | "attention";

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlock extends ElementBase {
  type: "TextBlock";
  text: string;
  wrap?: boolean;
  style?: "default" | "heading";
  size?: "small" | "default" | "medium" | "large" | "extraLarge";
  weight?: "lighter" | "default" | "bolder";
  color?: TextColor;
  isSubtle?: boolean;
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: "FactSet";
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: "Container";
  items: CardElement[];
  style?: ContainerStyle;
}

export interface Choice {
  title: string;
  value: string;
}

export interface ChoiceSetInput extends ElementBase {
  type: "Input.ChoiceSet";
  id: string;
  choices: Choice[];
  label?: string;
  placeholder?: string;
  style?: "compact" | "expanded";
  value?: string;
  isRequired?: boolean;
  errorMessage?: string;
  wrap?: boolean;
}

export interface ActionSet extends ElementBase {
  type: "ActionSet";
  actions: CardAction[];
}

export type CardElement = TextBlock | FactSet | Container | ChoiceSetInput | ActionSet;

type ActionStyle = "default" | "positive" | "destructive";

export interface SubmitAction {
  type: "Action.Submit";
  title: string;
  data: JsonObject;
  style?: ActionStyle;
}

export interface ExecuteAction {
  type: "Action.Execute";
  title?: string;
  verb: string;
  data: JsonObject;
  style?: ActionStyle;
  /** For hosts without Universal Actions (older Teams clients): same data, plus the verb. */
  fallback?: SubmitAction;
}

export interface OpenUrlAction {
  type: "Action.OpenUrl";
  title: string;
  url: string;
  style?: ActionStyle;
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction;

/** Universal Actions refresh: hosts run `action` when the card is shown to one of `userIds` (MRIs, at most 60). */
export interface Refresh {
  action: ExecuteAction;
  userIds?: string[];
}

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: typeof ADAPTIVE_CARD_VERSION;
  lang: string;
  fallbackText?: string;
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
}
