/**
 * Hover: what an id stands for across the ledger (a source's positions, a document's archive, a
 * claim's status and conflicts), the set a `says` reads as, and what each key and value means.
 */
import type { Hover, Position } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { KEY_DESCRIPTIONS, CLAIM_TYPE_DESCRIPTIONS, RATING_DESCRIPTIONS, RELIABILITY_DESCRIPTIONS, SOURCE_TYPE_DESCRIPTIONS, valueDescription } from "../../core/load/descriptions.js";
import { mappingAt } from "../../core/load/schema.js";
import { formatSet, parseValue } from "../../core/values/index.js";
import type { ClaimType } from "../../core/values/types.js";
import { displayValue, explainedWindow } from "../../formats/exports/display.js";
import { answerOf } from "../../formats/text/text.js";
import type { LedgerEngine } from "../ledger/engine.js";
import { code, md } from "../markdown.js";
import { placeAt, rangeOf, syntaxOf, type Syntax } from "../syntax.js";
import { claimShape, type Target, targetOf, unitWords, valueAt } from "./targets.js";

/** The hover at a position, or null where there is nothing to say. */
export function hover(engine: LedgerEngine, document: TextDocument, position: Position): Hover | null {
  const syntax = syntaxOf(document);
  if (!syntax) return null;
  const place = placeAt(syntax, document.offsetAt(position));
  const target = place && targetOf(place);
  if (!place || !target) return null;
  const text = describe(engine, syntax, target);
  return text === undefined ? null : { contents: { kind: "markdown", value: text }, range: rangeOf(syntax, place.node) };
}

function describe(engine: LedgerEngine, syntax: Syntax, target: Target): string | undefined {
  switch (target.kind) {
    case "id":
      return target.idKind === "sources" ? sourceText(engine, target.id) : target.idKind === "documents" ? documentText(engine, target.id) : claimText(engine, target.id);
    case "value":
      return valueText(syntax, target.claim, target.path);
    case "key": {
      const shape = target.mapping[0] === "claims" && target.mapping.length === 2 ? claimShape(syntax, String(target.mapping[1])) : undefined;
      const mapping = mappingAt(target.mapping, shape?.type);
      const description = mapping && (KEY_DESCRIPTIONS[mapping.kind] as Record<string, string>)[target.key];
      return description === undefined ? undefined : `${code(target.key)} (${mapping!.noun}): ${description}`;
    }
    case "enum": {
      const table: Record<string, string> | undefined =
        target.key === "reliability" ? RELIABILITY_DESCRIPTIONS : target.key === "rating" ? RATING_DESCRIPTIONS : target.mapping[0] === "sources" ? SOURCE_TYPE_DESCRIPTIONS : target.mapping.length === 2 ? CLAIM_TYPE_DESCRIPTIONS : undefined;
      return table && Object.hasOwn(table, target.value) ? `${code(target.value)}: ${table[target.value]}` : undefined;
    }
  }
}

function where(engine: LedgerEngine, kind: "sources" | "documents" | "claims", id: string): string {
  const declared = engine.declaration(id);
  return declared ? `Declared in ${code(declared.file.display)}${declared.kind === kind ? "" : ` as ${declared.kind.slice(0, -1)}`}.` : "";
}

function sourceText(engine: LedgerEngine, id: string): string {
  const source = engine.ledger.sources.get(id);
  if (!source) return `${code(id)}: ${engine.ledger.declared.has(id) ? "declared with errors, or not as a source" : "no source has this id"}. ${where(engine, "sources", id)}`;
  const { name, type, side, reliability, url } = source.data;
  const lines = [
    `**${md(name)}** · ${code(id)}`,
    "",
    [`${type} (${SOURCE_TYPE_DESCRIPTIONS[type].replace(/\.$/, "")})`, side ? `side ${code(side)}` : "no side (its own group)", reliability ? `reliability ${reliability} (${RELIABILITY_DESCRIPTIONS[reliability].replace(/\.$/, "").toLowerCase()})` : "reliability not graded"].join(" · "),
  ];
  if (url) lines.push("", md(url));
  const positions = engine.claimsReading(id).flatMap(({ entry, report }) =>
    report.positions
      .filter((p) => p.source === id || p.origin === id)
      .map((p) => {
        const conflicts = report.statements.find((s) => s.position && s.source === p.source)?.conflictsWith ?? [];
        const relay = p.source === id ? "" : ` (relayed by ${code(p.source)})`;
        return `- ${code(entry.id)}: ${md(displayValue(p.says))}${relay}${conflicts.length > 0 ? ` — conflicts with ${conflicts.map(code).join(", ")}` : ""}`;
      }),
  );
  // What it relays of origins whose own statements stand (SPEC §6 v2): evidence, not positions of its own.
  const relays = engine.claimsReading(id).flatMap(({ entry, report }) =>
    report.statements
      .filter((s) => s.source === id && s.via !== null && !s.position && s.retracted === false && s.error === null)
      .map((s) => {
        const agrees = report.positions.find((p) => p.origin === s.origin)?.reportedBy.includes(id) === true;
        return `- ${code(entry.id)}: ${md(displayValue(s.says))}, reporting ${code(s.origin)} — ${agrees ? "agrees with its position" : "not its position"}`;
      }),
  );
  if (positions.length > 0) lines.push("", `Positions (${positions.length}):`, ...positions);
  if (relays.length > 0) lines.push("", `Relays of other origins' statements (${relays.length}):`, ...relays);
  if (positions.length + relays.length === 0) lines.push("", "No positions: no remaining statement of this source.");
  lines.push("", where(engine, "sources", id));
  return lines.join("\n");
}

function documentText(engine: LedgerEngine, id: string): string {
  const document = engine.ledger.documents.get(id);
  if (!document) return `${code(id)}: ${engine.ledger.declared.has(id) ? "declared with errors, or not as a document" : "no document has this id"}. ${where(engine, "documents", id)}`;
  const { title, publisher, published, url, archive, sha256 } = document.data;
  const state = engine.archiveOf(id);
  const archived =
    archive === undefined
      ? "No archive: quotes from it are not checked."
      : state?.status === "ok"
        ? `Archive ${code(archive)}: ${state.text.length.toLocaleString("en")} characters${sha256 ? ", SHA-256 recorded" : ""}; quotes are checked against it.`
        : `Archive ${code(archive)} cannot be used (see its diagnostic); quotes from it are not checked.`;
  const lines = [`**${md(title)}** · ${code(id)}`, "", `${md(publisher)}${published ? `, ${published}` : ", undated"}`];
  if (url) lines.push("", md(url));
  lines.push("", archived, "", `Cited by ${engine.claimsReading(id).length} claim(s). ${where(engine, "documents", id)}`);
  return lines.join("\n");
}

function claimText(engine: LedgerEngine, id: string): string {
  const result = engine.claim(id);
  if (!result) return `${code(id)}: not analysed — the claim has errors (see its diagnostics), or another record has this id. ${where(engine, "claims", id)}`;
  const { report } = result;
  const lines = [
    `**${md(report.question)}** · ${code(id)}`,
    "",
    `${report.type} · **${report.status}**${report.unresolved ? " (unresolved: no verdict yet)" : ""} · ${report.groups} independence group(s)`,
    "",
    `${report.type === "quantity" ? "Range" : "Answers"}: ${md(answerOf(report))}`,
  ];
  if (report.type === "quantity") lines.push(`Window: ${md(explainedWindow(report))}`);
  // Conflicts are between origins (SPEC §6 v2); the speakers whose statements stand are named when they differ.
  const pair = (ids: readonly string[]) => ids.map(code).join(" ↔ ");
  if (report.conflicts.length > 0) lines.push("", "Conflicts:", ...report.conflicts.map((c) => `- ${pair(c.origins)}${c.sources.join() === c.origins.join() ? "" : ` (as reported by ${pair(c.sources)})`}`));
  if (report.verdict) lines.push("", `Verdict: ${report.verdict.rating ?? "no rating"}${report.verdict.finding !== null ? `, finding ${md(displayValue(report.verdict.finding))}` : ""}`);
  return lines.join("\n");
}

function valueText(syntax: Syntax, claim: string, path: readonly PropertyKey[]): string {
  const shape = claimShape(syntax, claim);
  const key = path[path.length - 1] === "finding" ? "finding" : "says";
  const type = shape.type as ClaimType;
  if (!Object.hasOwn(CLAIM_TYPE_DESCRIPTIONS, String(type))) return `${code(key)}: ${KEY_DESCRIPTIONS.statement.says} The claim has no valid \`type\` yet.`;
  const units = unitWords(valueAt(syntax, ["claims", claim, "unit"]));
  const margin = valueAt(syntax, ["claims", claim, "margin"]);
  const ctx = { type, unit: units.length > 1 ? units : units[0], margin: typeof margin === "number" ? margin : 0.1, options: shape.options };
  const raw = valueAt(syntax, path);
  const read = parseValue(ctx, raw);
  const reading = read.ok ? `Reads as **${md(formatSet(read.set, type))}**${units.length > 0 && type === "quantity" && read.set.kind === "interval" ? ` ${md(units[0])}` : ""}.` : `Cannot be read: ${md(read.message)}`;
  return `${code(displayValue(raw) || "(empty)")} — ${reading}\n\n${valueDescription(key, type)}`;
}
