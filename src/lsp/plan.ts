/**
 * What the server checks in a workspace folder, planned as the CLI plans a run there (SPEC §13):
 * `.claims.yaml`'s ledger, its ignores and the files git ignores, and its severities. A faulty
 * configuration is not a reason to stop helping: its faults are shown on the file, and the
 * folder is checked as if it had none until it is fixed.
 */
import { ConfigError, findConfig, loadConfig, type ClaimsConfig } from "../core/load/config.js";
import { planRun } from "../core/load/targets.js";
import type { SkipTest } from "../core/load/workspace.js";
import type { Diagnostic } from "../core/shared/diagnostics.js";
import { gitTopLevel } from "../core/shared/git.js";
import type { SeverityOverrides } from "../core/shared/severity.js";

export interface WorkspacePlan {
  /** The ledger's roots, relative to the folder or absolute. */
  readonly paths: readonly string[];
  readonly ignore: SkipTest;
  readonly severity: SeverityOverrides;
  /** The configuration file (absolute), whether or not it could be read. */
  readonly configFile: string | undefined;
  /** Its faults, when it is not valid (then none of it applies). */
  readonly faults: readonly Diagnostic[];
  /** Anything the user should hear (git could not be asked). */
  readonly notices: readonly string[];
}

/** Plans the checks of `root` with the paths given to `claims lsp` (none: the configured or default ledger). */
export function planWorkspace(root: string, paths: readonly string[], useIgnores: boolean): WorkspacePlan {
  let config: ClaimsConfig;
  let faults: readonly Diagnostic[] = [];
  try {
    config = loadConfig(root, { useIgnores });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    faults = error.diagnostics;
    config = { file: null, dir: root, gitTop: gitTopLevel(root) ?? null, ledger: null, ignore: [], severity: {}, cache: false, useIgnores };
  }
  const plan = planRun(paths, root, config);
  return { paths: plan.paths, ignore: plan.ignore, severity: plan.severity, configFile: config.file ?? findConfig(root), faults, notices: plan.notices };
}
