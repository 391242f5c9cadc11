/**
 * Quick fixes: each "did you mean" a diagnostic offers (an unknown key, source, document, option
 * or enumerated value) as an edit, and, for `archive-changed`, recording the archive's current
 * SHA-256: offered, never preferred, since the archive's change must be checked first.
 */
import { isSeq, isScalar, type Scalar } from "yaml";
import { CodeActionKind, type CodeAction, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Diagnostic } from "../../core/shared/diagnostics.js";
import { positionOf, toLspDiagnostic } from "../convert.js";
import { placeAt, rangeOf, syntaxOf, type Syntax } from "../syntax.js";

/** The fix a diagnostic's message names: what to write instead, and for which written value (undefined: the one at the place). */
export function suggestionOf(message: string): { readonly replacement: string; readonly wrong?: string } | undefined {
  const option = /^("(?:[^"\\]|\\.)*") is not one of the options \(did you mean ([^()?\s]+)\?\)/.exec(message);
  if (option) return { replacement: option[2], wrong: JSON.parse(option[1]) as string };
  const meant = /— did you mean '([^']+)'\?/.exec(message);
  return meant ? { replacement: meant[1] } : undefined;
}

/** The actions for the diagnostics of a file that lie in `range`. */
export function codeActions(document: TextDocument, diagnostics: readonly Diagnostic[], range: Range): CodeAction[] {
  const syntax = syntaxOf(document);
  if (!syntax) return [];
  const line = (n: number) => document.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, "");
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const at = positionOf(d);
    if (at.line < range.start.line || at.line > range.end.line) continue;
    const fixes = d.code === "archive-changed" ? hashFix(d.message) : suggestionOf(d.message);
    if (!fixes) continue;
    const target = scalarAt(syntax, document.offsetAt(at), fixes.wrong);
    if (!target) continue;
    const lsp = toLspDiagnostic(d, line);
    const wrong = String(target.value);
    const title = d.code === "archive-changed" ? `Record the archive's current SHA-256 (${fixes.replacement.slice(0, 12)}…)` : `Change '${wrong}' to '${fixes.replacement}'`;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      // One spelling fix is what the message means; a new hash is a decision, never the default.
      isPreferred: d.code !== "archive-changed",
      edit: { changes: { [document.uri]: [{ range: rangeOf(syntax, { range: [target.range![0], target.range![1]] }), newText: fixes.replacement }] } },
    });
  }
  return actions;
}

/** `archive-changed` names the archive's actual hash: the edit records it as `sha256`. */
function hashFix(message: string): { readonly replacement: string; readonly wrong?: string } | undefined {
  const actual = /has SHA-256 ([0-9a-f]{64})/.exec(message);
  return actual ? { replacement: actual[1] } : undefined;
}

/** The scalar a diagnostic points at; in a list (a choice's `says`), the item written `wrong`. */
function scalarAt(syntax: Syntax, offset: number, wrong: string | undefined): Scalar | undefined {
  const place = placeAt(syntax, offset);
  if (!place) return undefined;
  if (isSeq(place.node)) return place.node.items.find((item): item is Scalar => isScalar(item) && String(item.value) === wrong);
  const scalar = place.scalar;
  if (!scalar?.range || (wrong !== undefined && String(scalar.value) !== wrong)) return undefined;
  return scalar;
}
