/**
 * What makes a finding the same finding from one run to the next (GitLab's `fingerprint`, SARIF's
 * `partialFingerprints`, `claims diff`'s new and fixed errors). Not its line: an edit above it
 * moves it without changing it. It is the file it is in, its code, and what its message says —
 * the ids and values it names — with any `file:line:column` the message quotes left out. Findings
 * alike in all three (two statements of one file with the same unchecked quote) are told apart by
 * their order in the file, the one thing left that is theirs.
 */
import { createHash } from "node:crypto";

/** The parts of a diagnostic or finding a fingerprint is made of. */
export interface Fingerprintable {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The message without the places it quotes (`at claims/x.yaml:3:5`), which move with edits elsewhere. */
export function stableMessage(message: string): string {
  return message.replace(/:\d+(?::\d+)?\b/g, "");
}

/** The identity of a finding, without its order among identical ones: code, file and stable message. */
export function findingKey(item: Pick<Fingerprintable, "code" | "file" | "message">): string {
  return JSON.stringify([item.code, item.file, stableMessage(item.message)]);
}

/**
 * One fingerprint per item, in the order given: a SHA-256 (hex) of its key and its occurrence
 * among items with the same key, counted in file order. `path` maps a file to the name the
 * fingerprint uses (for GitLab, the path from the top of the repository).
 */
export function fingerprints(items: readonly Fingerprintable[], path: (file: string) => string = (file) => file): string[] {
  const order = items.map((item, index) => ({ item, index })).sort((a, b) => a.item.line - b.item.line || a.item.column - b.item.column || a.index - b.index);
  const seen = new Map<string, number>();
  const out: string[] = new Array(items.length);
  for (const { item, index } of order) {
    const key = findingKey({ ...item, file: path(item.file) });
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    out[index] = createHash("sha256").update(`claims\0${key}\0${occurrence}`).digest("hex");
  }
  return out;
}
