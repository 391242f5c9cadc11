/** The claim hover shows the report's window (SPEC §8 v2) as an interval with its ends open or closed. */
import { describe, expect, it } from "vitest";
import { windowText } from "../../src/lsp/features/hover.js";

describe("windowText", () => {
  it.each([
    [{ min: 300, max: 500, minOpen: true, maxOpen: true }, "(300, 500)"],
    [{ min: 10, max: 10, minOpen: false, maxOpen: false }, "[10, 10]"],
    [{ min: 1000, max: null, minOpen: false, maxOpen: true }, "[1,000, ∞)"],
    [{ min: null, max: 64, minOpen: true, maxOpen: false }, "(−∞, 64]"],
    [null, "none: the positions allow no common value"],
  ])("%j reads %s", (window, text) => {
    expect(windowText(window)).toBe(text);
  });
});
