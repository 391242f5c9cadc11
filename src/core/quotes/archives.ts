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

/** An archive file as read, by real path; its hash is worked out (and its bytes let go) when first asked for. */
export interface ArchiveFile {
  readonly state: ArchiveState;
  /** Why it cannot be read, for an unreadable one. */
  readonly fault?: string;
  bytes?: Uint8Array | undefined;
  hash?: string;
}

/**
 * Resolves, confines, reads and hashes every archive once. Files are read through `files` (by
 * real path): one run's by default, or a longer-lived one (the language server's) that keeps the
 * states, and so their identity, until a file changes.
 */
export function readArchives(ledger: Ledger, files: Map<string, ArchiveFile> = new Map()): Archives {
  const byDocument = new Map<string, ArchiveState>();
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
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
    // Several documents may share one archive file: it is read once, and a fault in it is reported once per run.
    let file = files.get(real);
    if (!file) {
      const read = readTextFile(real);
      file = read.ok ? { state: { status: "ok", text: read.text, extension: extname(real).toLowerCase() }, bytes: read.bytes } : { state: { status: "unreadable" }, fault: read.message };
      files.set(real, file);
    }
    if (file.fault !== undefined && !reported.has(real)) diagnostics.push(diagnostic("unreadable-file", `archive '${archive}': ${file.fault}`, at()));
    reported.add(real);
    // Hashing is only paid for archives that have a recorded `sha256`.
    if (sha256 !== undefined && file.state.status === "ok") {
      const actual = hashOf(file);
      if (actual !== sha256.toLowerCase()) {
        diagnostics.push(diagnostic("archive-changed", `archive '${archive}' has SHA-256 ${actual}, not the recorded ${sha256.toLowerCase()}; check the change, then update \`sha256\``, locate(document.file, ["documents", document.id, "sha256"])));
      }
    }
    byDocument.set(document.id, file.state);
  }
  return { byDocument, diagnostics };
}

function hashOf(file: ArchiveFile): string {
  if (file.hash === undefined) {
    file.hash = sha256Of(file.bytes!);
    file.bytes = undefined;
  }
  return file.hash;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
