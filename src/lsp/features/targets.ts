/** What a place in a ledger file stands for: an id declared or cited, a value of a claim, a key. */
import { isNode } from "yaml";
import { nodeAt } from "../../core/load/parse.js";
import type { Syntax, Place } from "../syntax.js";

export type IdKind = "sources" | "documents" | "claims";

export type Target =
  /** A record's id: its key where it is declared, or a statement's `source`, `via` or `in`. */
  | { readonly kind: "id"; readonly idKind: IdKind; readonly id: string; readonly declared: boolean }
  /** A `says` or `finding` (its key, its value, or an item of its list), with the path of the whole value. */
  | { readonly kind: "value"; readonly claim: string; readonly path: readonly PropertyKey[] }
  /** Any other key, with the path of its mapping. */
  | { readonly kind: "key"; readonly key: string; readonly mapping: readonly PropertyKey[] }
  /** The value of an enumerated key (`type`, `reliability`, `rating`). */
  | { readonly kind: "enum"; readonly key: string; readonly mapping: readonly PropertyKey[]; readonly value: string };

const CITING: Record<string, IdKind> = { source: "sources", via: "sources", in: "documents" };

/** Whether a path is a statement's field: ["claims", id, "statements", n, field]. */
export function isStatementField(path: readonly PropertyKey[]): boolean {
  return path.length >= 5 && path[0] === "claims" && path[2] === "statements" && typeof path[3] === "number";
}

/** Whether a path is a verdict's `claimant` (SPEC §4 v2): a source id. */
export function isClaimant(path: readonly PropertyKey[]): boolean {
  return path.length === 4 && path[0] === "claims" && path[2] === "verdict" && path[3] === "claimant";
}

/** The path of a claim's value (`says` or `finding`) that a path lies in, if it does. */
export function valuePath(path: readonly PropertyKey[]): readonly PropertyKey[] | undefined {
  if (isStatementField(path) && path[4] === "says") return path.slice(0, 5);
  if (path[0] === "claims" && path[2] === "verdict" && path[3] === "finding") return path.slice(0, 4);
  return undefined;
}

export function targetOf(place: Place): Target | undefined {
  const { path, part } = place;
  const value = place.scalar?.value;
  if (part === "key" && path.length === 2 && (path[0] === "sources" || path[0] === "documents" || path[0] === "claims")) {
    return { kind: "id", idKind: path[0], id: String(path[1]), declared: true };
  }
  const values = valuePath(path);
  if (values) return { kind: "value", claim: String(path[1]), path: values };
  const last = path[path.length - 1];
  if (part === "key" && typeof last === "string") return { kind: "key", key: last, mapping: path.slice(0, -1) };
  if (part !== "value" || typeof last !== "string" || place.scalar === undefined) return undefined;
  if (isStatementField(path) && path.length === 5 && Object.hasOwn(CITING, last) && typeof value === "string") {
    return { kind: "id", idKind: CITING[last], id: value, declared: false };
  }
  if (isClaimant(path) && typeof value === "string") return { kind: "id", idKind: "sources", id: value, declared: false };
  if (last === "type" || last === "reliability" || last === "rating") return { kind: "enum", key: last, mapping: path.slice(0, -1), value: String(value) };
  return undefined;
}

/** A claim's `type` and `options` as the buffer has them now (the ledger may hold an older, valid version). */
export function claimShape(syntax: Syntax | undefined, claim: string): { readonly type: unknown; readonly options: readonly string[] } {
  if (!syntax) return { type: undefined, options: [] };
  const type = nodeAt(syntax.doc, ["claims", claim, "type"]);
  const options = nodeAt(syntax.doc, ["claims", claim, "options"]);
  const list = options.reached ? plain(syntax, options.node) : undefined;
  return {
    type: type.reached ? plain(syntax, type.node) : undefined,
    options: Array.isArray(list) ? list.filter((o): o is string => typeof o === "string") : [],
  };
}

/** A claim's unit words as written: one word, or (v2) a list whose first word is shown. */
export function unitWords(unit: unknown): string[] {
  if (typeof unit === "string") return [unit];
  return Array.isArray(unit) ? unit.filter((u): u is string => typeof u === "string") : [];
}

/** The value at a path of the buffer, as plain data (what `says` holds). */
export function valueAt(syntax: Syntax, path: readonly PropertyKey[]): unknown {
  const found = nodeAt(syntax.doc, path);
  if (!found.reached || found.node === found.key) return null;
  return plain(syntax, found.node) ?? null;
}

function plain(syntax: Syntax, node: unknown): unknown {
  return isNode(node) ? node.toJS(syntax.doc) : undefined;
}
