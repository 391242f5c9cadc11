/**
 * The written forms of SPEC §5 a `says` or `finding` can take, per claim type, as completions: a
 * snippet with placeholders where the client takes snippets, the plain words otherwise.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Range } from "vscode-languageserver";
import type { ClaimType } from "../../core/values/types.js";

interface Form {
  readonly label: string;
  /** The snippet; `$1`, `$2` are placeholders. */
  readonly snippet: string;
  /** What it reads as. */
  readonly set: string;
}

const N = "${1:10}";
const M = "${2:20}";

const QUANTITY: readonly Form[] = [
  { label: "N", snippet: "${1:10}", set: "exactly N" },
  { label: "at least N", snippet: `at least ${N}`, set: "[N, ∞): also `no fewer than N`, `N or more`, `N+`" },
  { label: "more than N", snippet: `more than ${N}`, set: "(N, ∞): also `over N`, `above N`, `upwards of N`" },
  { label: "at most N", snippet: `at most ${N}`, set: "(−∞, N]: also `up to N`, `no more than N`, `N or fewer`" },
  { label: "fewer than N", snippet: `fewer than ${N}`, set: "(−∞, N): also `less than N`, `under N`, `below N`" },
  { label: "almost N", snippet: `almost ${N}`, set: "[N·(1−margin), N): also `nearly N`, `just under N`" },
  { label: "about N", snippet: `about ${N}`, set: "[N·(1−margin), N·(1+margin)]: also `around`, `approximately`, `roughly`, `some`, `circa`, `~N`" },
  { label: "between N and M", snippet: `between ${N} and ${M}`, set: "[N, M]: also `N-M`, `N–M`, `N to M`" },
  { label: "{min: N, max: M}", snippet: `{min: ${N}, max: ${M}}`, set: "[N, M]; either bound may be left out" },
  { label: "several", snippet: "several", set: "[3, 9]" },
  { label: "dozens", snippet: "dozens", set: "[24, 99]" },
  { label: "hundreds", snippet: "hundreds", set: "[200, 999]" },
  { label: "thousands", snippet: "thousands", set: "[2000, 9999]" },
  { label: "tens of thousands", snippet: "tens of thousands", set: "[20000, 99999]" },
];

const D = "${1:2011-12-16}";
const E = "${2:2011-12-20}";
const DATE: readonly Form[] = [
  { label: "YYYY-MM-DD", snippet: D, set: "that day" },
  { label: "YYYY-MM", snippet: "${1:2011-12}", set: "the whole month" },
  { label: "YYYY", snippet: "${1:2011}", set: "the whole year" },
  { label: "before D", snippet: `before ${D}`, set: "any day before D" },
  { label: "after D", snippet: `after ${D}`, set: "any day after D" },
  { label: "between D and E", snippet: `between ${D} and ${E}`, set: "from D to E" },
  { label: "D/E", snippet: `${D}/${E}`, set: "an EDTF interval; `..` for an open end" },
];

const BOOLEAN: readonly Form[] = [
  { label: "true", snippet: "true", set: "yes (also `yes`)" },
  { label: "false", snippet: "false", set: "no (also `no`)" },
];

const UNKNOWN: Form = { label: "unknown", snippet: "unknown", set: "commits to nothing and never conflicts" };

/** The forms a claim type's values take, for the text typed at `range`. */
export function valueForms(type: ClaimType, range: Range, snippets: boolean, unit: string | undefined): CompletionItem[] {
  const forms = type === "quantity" ? QUANTITY : type === "date" ? DATE : type === "boolean" ? BOOLEAN : [];
  return [...forms, UNKNOWN].map((form, i) => ({
    label: form.label,
    kind: form === UNKNOWN || type === "boolean" ? CompletionItemKind.Keyword : CompletionItemKind.Snippet,
    detail: form.set.replace(/`/g, ""),
    documentation: { kind: "markdown", value: `Reads as ${form.set}.${type === "quantity" && unit ? ` The unit may follow: \`${form.label.replace(/[NM]/g, "10")} ${unit}\`.` : ""}` },
    sortText: String(i).padStart(3, "0"),
    filterText: form.label,
    ...(snippets ? { insertTextFormat: InsertTextFormat.Snippet, textEdit: { range, newText: form.snippet } } : { textEdit: { range, newText: form.snippet.replace(/\$\{\d:([^}]*)\}/g, "$1") } }),
  }));
}
