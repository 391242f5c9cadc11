import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { OutputRefused, writeOutputAtomic } from "../src/cli/write-output.js";

// The rename is the one step a test cannot make fail on demand, so it can be told to (vi.mock is
// hoisted above the imports, so write-output.js sees this fs).
const failing = vi.hoisted(() => ({ rename: false, renamedFrom: "" }));
vi.mock("node:fs", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs")>();
  return {
    ...actual,
    renameSync: (from: string, to: string) => {
      failing.renamedFrom = from;
      if (failing.rename) throw new Error("simulated rename failure");
      actual.renameSync(from, to);
    },
  };
});

let root: string;
let ledger: string;
let archive: string;
let protect: { cwd: string; ledgerFiles: string[]; archives: string[]; roots: string[] };

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "claims-write-")));
  mkdirSync(join(root, "claims", "archive"), { recursive: true });
  ledger = join(root, "claims", "death-toll.yaml");
  archive = join(root, "claims", "archive", "aljazeera.txt");
  writeFileSync(ledger, "claims: {}\n");
  writeFileSync(archive, "archived text\n");
  protect = { cwd: root, ledgerFiles: [ledger], archives: [archive], roots: [join(root, "claims")] };
  failing.rename = false;
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Everything in the folder, to prove no temporary file was left behind. */
const entries = (dir: string): string[] => readdirSync(dir).sort();

function refusal(target: string): OutputRefused {
  try {
    writeOutputAtomic(target, "report\n", protect);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputRefused);
    return error as OutputRefused;
  }
  throw new Error(`'${target}' was not refused`);
}

describe("writeOutputAtomic", () => {
  it("refuses a new YAML file inside a workspace root, which would join the ledger, and writes other names there", () => {
    for (const name of ["claims/report.yaml", "claims/archive/out.YML"]) {
      expect(refusal(name).message).toContain("would be read as part of the ledger");
    }
    expect(entries(join(root, "claims"))).toEqual(["archive", "death-toll.yaml"]);
    writeOutputAtomic("claims/report.md", "report\n", protect);
    writeOutputAtomic("report.yaml", "outside the root\n", protect);
    expect(entries(join(root, "claims"))).toEqual(["archive", "death-toll.yaml", "report.md"]);
  });

  // Worker threads cannot set the umask; the mutation run (stryker.config.mjs) runs tests on one.
  it.runIf(isMainThread)("writes a new file relative to cwd, mode 0644 under the usual umask, leaving nothing else", () => {
    const previous = process.umask(0o022);
    try {
      writeOutputAtomic("report.md", "# Report\n", protect);
    } finally {
      process.umask(previous);
    }
    expect(readFileSync(join(root, "report.md"), "utf8")).toBe("# Report\n");
    expect(statSync(join(root, "report.md")).mode & 0o777).toBe(0o644);
    expect(entries(root)).toEqual(["claims", "report.md"]);
  });

  it("replaces an existing file whole, keeping its mode", () => {
    const target = join(root, "out.csv");
    writeFileSync(target, "old content that is longer than the new one\n");
    chmodSync(target, 0o600);
    writeOutputAtomic(target, "new\n", protect);
    expect(readFileSync(target, "utf8")).toBe("new\n");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(entries(root)).toEqual(["claims", "out.csv"]);
  });

  it("writes through a symlinked target to the file it names, keeping the link", () => {
    writeFileSync(join(root, "real.html"), "old");
    symlinkSync(join(root, "real.html"), join(root, "link.html"));
    writeOutputAtomic("link.html", "<p>new</p>\n", protect);
    expect(readFileSync(join(root, "real.html"), "utf8")).toBe("<p>new</p>\n");
    expect(realpathSync(join(root, "link.html"))).toBe(join(root, "real.html"));
  });

  it("keeps multi-byte text intact", () => {
    const text = "Жаңаөзен 👩‍👩‍👧 ".repeat(20_000);
    writeOutputAtomic("big.txt", text, protect);
    expect(readFileSync(join(root, "big.txt"), "utf8")).toBe(text);
  });

  it.each([
    ["a ledger file", () => "claims/death-toll.yaml"],
    ["a ledger file, by absolute path", () => ledger],
    ["a ledger file, by a winding path", () => "claims/archive/../death-toll.yaml"],
    ["an archive", () => "claims/archive/aljazeera.txt"],
  ])("refuses %s and leaves it untouched", (_label, target) => {
    const error = refusal(target());
    expect(error.message).toContain(target());
    expect(error.message).toMatch(/ledger/);
    expect(readFileSync(ledger, "utf8")).toBe("claims: {}\n");
    expect(readFileSync(archive, "utf8")).toBe("archived text\n");
    expect(entries(join(root, "claims"))).toEqual(["archive", "death-toll.yaml"]);
  });

  it("refuses a symlink to a ledger file, and a path through a symlinked folder", () => {
    symlinkSync(ledger, join(root, "innocent.md"));
    symlinkSync(join(root, "claims"), join(root, "alias"));
    expect(refusal("innocent.md").message).toContain("innocent.md");
    expect(refusal("alias/death-toll.yaml").message).toContain("alias/death-toll.yaml");
    expect(readFileSync(ledger, "utf8")).toBe("claims: {}\n");
  });

  it("refuses a protected file that is itself reached through a symlink", () => {
    const viaLink = join(root, "linked-claims");
    symlinkSync(join(root, "claims"), viaLink);
    protect = { ...protect, ledgerFiles: [join(viaLink, "death-toll.yaml")] };
    refusal("claims/death-toll.yaml");
  });

  it("refuses a folder, a missing folder and a device, naming the fix", () => {
    expect(refusal("claims").message).toMatch(/is a folder/);
    expect(refusal("missing/report.md").message).toMatch(/does not exist; create it first/);
    expect(refusal("/dev/null").message).toMatch(/not a regular file/);
    writeFileSync(join(root, "plain"), "x");
    expect(refusal("plain/report.md").message).toMatch(/not a folder|does not exist/);
    expect(entries(root)).toEqual(["claims", "plain"]);
  });

  it("removes its temporary file when the write fails, and leaves the old file", () => {
    const target = join(root, "out.md");
    writeFileSync(target, "old\n");
    failing.rename = true;
    expect(() => writeOutputAtomic(target, "new\n", protect)).toThrow("simulated rename failure");
    expect(readFileSync(target, "utf8")).toBe("old\n");
    expect(entries(root)).toEqual(["claims", "out.md"]);
  });

  it("names its temporary file after the target, hidden, in the same folder", () => {
    writeOutputAtomic("x.json", "{}", protect);
    expect(failing.renamedFrom.startsWith(join(root, "."))).toBe(true);
    expect(failing.renamedFrom.slice(root.length + 1)).toMatch(new RegExp(`^\\.x\\.json\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
  });
});
