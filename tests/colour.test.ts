/** Colour is decided once per run; without it, chalk is not loaded and every style is the identity. */
import { describe, expect, it } from "vitest";
import { chalkFor, colourLevel } from "../src/cli/colour.js";
import type { Io } from "../src/cli/io.js";

const io = (env: Record<string, string>, tty: boolean): Io => ({ stdout: () => {}, stderr: () => {}, env, cwd: "/", stdoutIsTTY: tty, columns: undefined });

describe("colourLevel", () => {
  it.each<[string, Record<string, string>, boolean, boolean, number]>([
    ["--no-color wins over FORCE_COLOR", { FORCE_COLOR: "3" }, true, false, 0],
    ["FORCE_COLOR=0 turns it off on a terminal", { FORCE_COLOR: "0" }, true, true, 0],
    ["FORCE_COLOR=3 sets the level off a terminal", { FORCE_COLOR: "3" }, false, true, 3],
    ["FORCE_COLOR=1 beats NO_COLOR", { FORCE_COLOR: "1", NO_COLOR: "1" }, false, true, 1],
    ["NO_COLOR turns it off on a terminal", { NO_COLOR: "1" }, true, true, 0],
    ["a terminal gets colour", {}, true, true, 1],
    ["a dumb terminal does not", { TERM: "dumb" }, true, true, 0],
    ["a pipe does not", {}, false, true, 0],
  ])("%s", (_name, env, tty, flag, level) => {
    expect(colourLevel(io(env, tty), flag)).toBe(level);
  });
});

describe("chalkFor", () => {
  it("without colour, gives the text unchanged through chained and called styles", async () => {
    const chalk = await chalkFor(io({}, false), true);
    expect(chalk.level).toBe(0);
    expect(chalk.red("a")).toBe("a");
    expect(chalk.red.bold("a", "b")).toBe("a b");
    expect(chalk.blue.bold.underline(`x${chalk.dim("y")}`)).toBe("xy");
    expect(chalk("plain")).toBe("plain");
  });

  it("with colour, styles the text at the level asked", async () => {
    const chalk = await chalkFor(io({ FORCE_COLOR: "1" }, false), true);
    expect(chalk.level).toBe(1);
    expect(chalk.red("a")).toBe("\u001b[31ma\u001b[39m");
  });
});
