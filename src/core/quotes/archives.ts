/** Reading each document's archive once (SPEC §3): confinement, hashes, text extraction. */
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { diagnostic, type Diagnostic } from "../shared/diagnostics.js";
import type { Ledger } from "../load/ledger.js";
import { locate } from "../load/locate.js";
import { describeFsError, readTextFile } from "../load/read.js";
import { isInside } from "../load/workspace.js";

export type ArchiveState =
  | { readonly status: "none" }
  | { readonly status: "unreadable" }
  | { readonly status: "ok"; readonly text: string; readonly extension: string };

export interface Archives {
  /** Per document id. */
  readonly byDocument: ReadonlyMap<string, ArchiveState>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Whether an archive with this extension is HTML (`.html`, `.htm`), to be stripped to text. */
export function isHtmlExtension(extension: string): boolean {
  const ext = extension.toLowerCase().replace(/^\./, "");
  return ext === "html" || ext === "htm";
}

/** Whether any readable archive is HTML, so that the HTML reader is needed. */
export function hasHtmlArchive(archives: Archives): boolean {
  for (const state of archives.byDocument.values()) if (state.status === "ok" && isHtmlExtension(state.extension)) return true;
  return false;
}

/** Resolves, confines, reads and hashes every archive once. */
export function readArchives(ledger: Ledger): Archives {
  const byDocument = new Map<string, ArchiveState>();
  const diagnostics: Diagnostic[] = [];
  // Several documents may share one archive file: read and hash it once.
  const cache = new Map<string, ArchiveState>();
  // Hashing is only paid for archives that have a recorded `sha256`.
  const bytesOf = new Map<string, Buffer>();
  const hashes = new Map<string, string>();
  for (const document of ledger.documents.values()) {
    const { archive, sha256 } = document.data;
    if (archive === undefined) {
      byDocument.set(document.id, { status: "none" });
      continue;
    }
    const at = () => locate(document.file, ["documents", document.id, "archive"]);
    const wanted = resolve(dirname(document.file.abs), archive);
    let real: string;
    try {
      real = realpathSync(wanted);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        diagnostics.push(diagnostic("archive-missing", `archive '${archive}' does not exist (looked for it relative to ${document.file.display})`, at()));
      } else {
        diagnostics.push(diagnostic("unreadable-file", `archive '${archive}' cannot be read: ${describeFsError(error)}`, at()));
      }
      byDocument.set(document.id, { status: "unreadable" });
      continue;
    }
    if (!isInside(document.file.root, real)) {
      diagnostics.push(diagnostic("archive-outside-workspace", `archive '${archive}' resolves outside the workspace root; keep archives inside the folder you check (for example archive/ beside the ledger)`, at()));
      byDocument.set(document.id, { status: "unreadable" });
      continue;
    }
    let state = cache.get(real);
    if (!state) {
      const read = readTextFile(real);
      if (!read.ok) {
        diagnostics.push(diagnostic("unreadable-file", `archive '${archive}': ${read.message}`, at()));
        state = { status: "unreadable" };
      } else {
        bytesOf.set(real, read.bytes);
        state = { status: "ok", text: read.text, extension: extname(real).toLowerCase() };
      }
      cache.set(real, state);
    }
    const bytes = bytesOf.get(real);
    if (sha256 !== undefined && bytes !== undefined) {
      let actual = hashes.get(real);
      if (actual === undefined) hashes.set(real, (actual = sha256Of(bytes)));
      if (actual !== sha256.toLowerCase()) {
        diagnostics.push(diagnostic("archive-changed", `archive '${archive}' has SHA-256 ${actual}, not the recorded ${sha256.toLowerCase()}; check the change, then update \`sha256\``, locate(document.file, ["documents", document.id, "sha256"])));
      }
    }
    byDocument.set(document.id, state);
  }
  return { byDocument, diagnostics };
}

function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
