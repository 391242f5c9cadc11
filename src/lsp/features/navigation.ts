/** Go to definition and find references, for source, document and claim ids, across the ledger's files. */
import type { Location, Position } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { locate } from "../../core/load/locate.js";
import { positionOf } from "../convert.js";
import type { LedgerEngine } from "../ledger/engine.js";
import { placeAt, syntaxOf } from "../syntax.js";
import { type IdKind, targetOf } from "./targets.js";

/** How the server names a file to the editor (its own URI for an open buffer). */
export type UriOf = (abs: string) => string;

/** The id under the cursor, if there is one. */
function idAt(document: TextDocument, position: Position): { readonly idKind: IdKind; readonly id: string } | undefined {
  const syntax = syntaxOf(document);
  const place = syntax && placeAt(syntax, document.offsetAt(position));
  const target = place && targetOf(place);
  return target?.kind === "id" ? target : undefined;
}

function locationOf(uriOf: UriOf, abs: string, place: { readonly line: number; readonly column: number }, length: number): Location {
  const start = positionOf(place);
  return { uri: uriOf(abs), range: { start, end: { line: start.line, character: start.character + length } } };
}

/** Where the id is declared (its first declaration, the one that counts). */
function declarationOf(engine: LedgerEngine, uriOf: UriOf, id: string): Location | undefined {
  const declared = engine.declaration(id);
  return declared && locationOf(uriOf, declared.file.abs, locate(declared.file, [declared.kind, id], "key"), id.length);
}

export function definition(engine: LedgerEngine, uriOf: UriOf, document: TextDocument, position: Position): Location | null {
  const at = idAt(document, position);
  return (at && declarationOf(engine, uriOf, at.id)) ?? null;
}

/** Every statement that cites the id (`source` or `via` for a source, `in` for a document), every verdict naming a source as its claimant, and the declaration if asked. */
export function references(engine: LedgerEngine, uriOf: UriOf, document: TextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const at = idAt(document, position);
  if (!at) return [];
  const out: Location[] = [];
  const declaration = includeDeclaration ? declarationOf(engine, uriOf, at.id) : undefined;
  if (declaration) out.push(declaration);
  const fields = at.idKind === "sources" ? (["source", "via"] as const) : at.idKind === "documents" ? (["in"] as const) : [];
  for (const claim of engine.ledger.claims.values()) {
    claim.data.statements.forEach((statement, k) => {
      for (const field of fields) {
        if (statement[field] !== at.id) continue;
        const place = locate(claim.file, ["claims", claim.id, "statements", claim.statementIndexes[k], field]);
        out.push(locationOf(uriOf, claim.file.abs, place, at.id.length));
      }
    });
    // A verdict's claimant (SPEC §4 v2) names a source too.
    if (at.idKind === "sources" && claim.data.verdict?.claimant === at.id) {
      out.push(locationOf(uriOf, claim.file.abs, locate(claim.file, ["claims", claim.id, "verdict", "claimant"]), at.id.length));
    }
  }
  return out;
}
