/** A folder's state, to show that a command changed nothing in it (or only what it should). */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join, relative } from "node:path";

export type Snapshot = Map<string, string>;

/** Every entry under `dir`, hidden ones included, as path → kind, bytes, mode and mtime. */
export function snapshot(dir: string): Snapshot {
  const out: Snapshot = new Map();
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const abs = join(current, entry.name);
      const stat = lstatSync(abs);
      const rel = relative(dir, abs);
      if (stat.isDirectory()) {
        out.set(rel, `dir mode=${stat.mode} mtime=${stat.mtimeMs}`);
        pending.push(abs);
      } else if (stat.isSymbolicLink()) {
        out.set(rel, `link → ${readlinkSync(abs)} mtime=${stat.mtimeMs}`);
      } else {
        out.set(rel, `file mode=${stat.mode} size=${stat.size} mtime=${stat.mtimeMs} bytes=${readFileSync(abs).toString("base64")}`);
      }
    }
  }
  return out;
}

/** What changed between two snapshots, as readable lines. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const [path, state] of before) {
    if (!after.has(path)) lines.push(`removed ${path}`);
    else if (after.get(path) !== state) lines.push(`changed ${path}`);
  }
  for (const path of after.keys()) if (!before.has(path)) lines.push(`added ${path}`);
  return lines.sort();
}
