/** The set of answers one written value stands for (SPEC §5). */
export type ValueSet =
  /** `unknown`: commits to nothing, never conflicts. */
  | { readonly kind: "unknown" }
  /**
   * Quantities, and dates as whole days counted from 1970-01-01 (UTC).
   * Bounds may be ±Infinity (then always open).
   */
  | {
      readonly kind: "interval";
      readonly lo: number;
      readonly loOpen: boolean;
      readonly hi: number;
      readonly hiOpen: boolean;
    }
  /** A choice: the options the speaker allows, sorted and de-duplicated. */
  | { readonly kind: "options"; readonly options: readonly string[] }
  | { readonly kind: "boolean"; readonly value: boolean };

export type ClaimType = "quantity" | "choice" | "boolean" | "date";

/** What the grammar needs to know about the claim a value belongs to. */
export interface ValueContext {
  readonly type: ClaimType;
  /** quantity: the unit word that may follow a number ("people"), or (v2) a list of them, any of which may. */
  readonly unit?: string | readonly string[];
  /** quantity: width of "about"/"almost" hedges, 0 ≤ margin < 1. */
  readonly margin: number;
  /** choice: the allowed options. */
  readonly options?: readonly string[];
}

export type ParseResult =
  | { readonly ok: true; readonly set: ValueSet }
  | { readonly ok: false; readonly message: string };
