/**
 * `.claims.yaml` held to its contract (SPEC §13): a `ledger` that names nothing stops the run; a
 * configuration linked from outside the working tree is refused unread; a file that is no
 * configuration is named by its kind, never echoed; and a run that reads no file says why.
 */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gitRepo, removeTempDirs, tempDir, writeFiles } from "./helpers/git.js";
import { runBin, runInProcess, type RunResult } from "./helpers/run.js";

afterAll(removeTempDirs);

const LEDGER = {
  "claims/sources.yaml": "sources:\n  police: {name: Police, type: official}\n",
  "claims/toll.yaml": "claims:\n  toll:\n    question: How many?\n    type: quantity\n    statements:\n      - {source: police, says: 10}\n",
};
const BAD = "claims: .claims.yaml is not a valid configuration, so nothing was checked:\n";
const FIX = "name at least one folder or file (ledger: claims), or remove the key for the default (./claims if it exists, else .)";

type Runner = (args: readonly string[], cwd: string) => Promise<RunResult> | RunResult;
const RUNNERS: readonly [string, Runner][] = [
  ["in-process", (args, cwd) => runInProcess(args, { cwd })],
  ["built CLI", (args, cwd) => runBin(args, { cwd })],
];

describe.each(RUNNERS)("a ledger that names nothing stops the run (%s)", (_, run) => {
  const cases: readonly [string, string, string][] = [
    ["an empty list", "ledger: []\n", `.claims.yaml:1:9  'ledger' is an empty list, so every run would read nothing and pass; ${FIX}`],
    ["an empty path", "ledger: ''\n", `.claims.yaml:1:9  'ledger' is an empty path; ${FIX}`],
    ["an empty path in a list", "ledger:\n  - claims\n  - ''\n", `.claims.yaml:3:5  item 2 of 'ledger' is an empty path; ${FIX}`],
  ];
  it.each(cases)("%s", async (_, config, line) => {
    const repo = gitRepo({ ...LEDGER, ".claims.yaml": config });
    expect(await run(["check"], repo)).toEqual({ code: 2, stdout: "", stderr: `${BAD}  ${line}\n` });
  });
});

describe.each(RUNNERS)("a configuration linked from outside the working tree is refused, unread (%s)", (_, run) => {
  it("in a git work tree, a link out of it (to /etc/passwd, say) is refused and nothing of the file is shown", async () => {
    const secret = join(tempDir("claims-secret-"), "passwd");
    writeFileSync(secret, "root:x:0:0:root:/root:/bin/bash\nsecret-user:x:1000:1000::/home/secret:/bin/sh\n");
    const repo = gitRepo(LEDGER);
    symlinkSync(secret, join(repo, ".claims.yaml"));
    const result = await run(["lint"], repo);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${BAD}  .claims.yaml:1:1  .claims.yaml is a symbolic link to a file outside the working tree (${repo}), so it is not read; put the configuration itself here, or link to a file inside the working tree\n` });
    expect(result.stderr).not.toContain("root:x");
  });

  it("outside a work tree, a link out of the folder it was found in is refused; one inside it is read", async () => {
    const dir = tempDir("claims-nogit-");
    writeFiles(dir, { ...LEDGER, "conf/claims.yml": "ledger: claims\nseverity:\n  unused-source: off\n" });
    symlinkSync(join(dir, "conf", "claims.yml"), join(dir, ".claims.yaml"));
    expect(await run(["lint"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
    const below = join(dir, "sub");
    mkdirSync(below);
    writeFiles(below, LEDGER);
    symlinkSync(join(dir, "conf", "claims.yml"), join(below, ".claims.yaml"));
    const refused = await run(["lint"], below);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`.claims.yaml is a symbolic link to a file outside the working tree (${below}), so it is not read`);
  });

  it("a file that is no configuration is named by its kind and a few characters, not echoed", async () => {
    const repo = gitRepo({ ...LEDGER, ".claims.yaml": "root:x:0:0:root:/root:/bin/bash\nsecret-user:x:1000:1000::/home/secret:/bin/sh\n" });
    const result = await run(["lint"], repo);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `${BAD}  .claims.yaml:1:1  a configuration is a mapping with the keys ledger, ignore, severity, cache, not text ('root:x:0:0:root:/ro…', 77 characters)\n` });
  });
});

describe.each(RUNNERS)("a run that reads no file says why on stderr, and is not an error (%s)", (_, run) => {
  it("a folder with no *.yaml or *.yml file", async () => {
    const repo = gitRepo({ "empty/notes.txt": "not a ledger\n", "empty/.hidden/x.yaml": "sources: {}\n" });
    const result = await run(["check", "empty"], repo);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("0 claims from 0 sources in 0 files");
    expect(result.stderr).toBe("claims: no file was read under empty, so nothing was checked: a ledger is the *.yaml and *.yml files there (hidden folders and node_modules are skipped)\n");
  });

  it("a ledger whose every file is ignored names what is ignored and why", async () => {
    const repo = gitRepo({ ...LEDGER, "claims/.gitignore": "toll.yaml\n", ".claims.yaml": "ignore: [claims/sources.yaml]\n" });
    const result = await run(["lint", "--format", "json"], repo);
    expect(result).toEqual({
      code: 0,
      stdout: "[]\n",
      stderr: "claims: no file was read under claims, so nothing was checked: what is there is ignored — claims/sources.yaml and claims/toll.yaml ('claims/sources.yaml' in .claims.yaml ignores them; git ignores them); --no-ignore reads them\n",
    });
    const many = gitRepo({ ...Object.fromEntries(["a", "b", "c", "d", "e"].map((n) => [`claims/${n}.yaml`, "sources: {}\n"])), ".claims.yaml": "ignore: ['*.yaml']\n" });
    expect((await run(["lint"], many)).stderr).toBe("claims: no file was read under claims, so nothing was checked: what is there is ignored — claims/a.yaml, claims/b.yaml, claims/c.yaml and 2 more ('*.yaml' in .claims.yaml ignores them); --no-ignore reads them\n");
  });

  it("says nothing when a file was read, even an empty one", async () => {
    const repo = gitRepo({ "claims/empty.yaml": "# nothing yet\n" });
    expect(await run(["lint"], repo)).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
