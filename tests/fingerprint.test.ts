/** What makes a finding the same finding (core/shared/fingerprint.ts). */
import { describe, expect, it } from "vitest";
import { findingKey, fingerprints, stableMessage } from "../src/core/shared/fingerprint.js";

const at = (line: number, message = "unknown source 'x'", file = "claims/a.yaml", code = "unknown-source") => ({ code, file, line, column: 5, message });

describe("fingerprints", () => {
  it("leave out the places a message quotes", () => {
    expect(stableMessage("id 'toll' is already declared (a claim at claims/toll.yaml:2:3); rename one")).toBe("id 'toll' is already declared (a claim at claims/toll.yaml); rename one");
    expect(findingKey(at(3))).toBe(findingKey(at(40)));
  });

  it("do not change when a finding only moves", () => {
    expect(fingerprints([at(3)])).toEqual(fingerprints([at(30)]));
    expect(fingerprints([at(3)])[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("change with the code, the file or what the message names", () => {
    const base = fingerprints([at(3)])[0];
    expect(fingerprints([at(3, "unknown source 'y'")])[0]).not.toBe(base);
    expect(fingerprints([at(3, undefined, "claims/b.yaml")])[0]).not.toBe(base);
    expect(fingerprints([at(3, undefined, undefined, "unknown-document")])[0]).not.toBe(base);
  });

  it("tell apart findings alike but for their place, by their order in the file, whatever order they come in", () => {
    const [first, second] = fingerprints([at(3), at(9)]);
    expect(first).not.toBe(second);
    expect(fingerprints([at(9), at(3)])).toEqual([second, first]);
    // The first of them keeps its print when a third like it appears below.
    expect(fingerprints([at(3), at(9), at(20)]).slice(0, 2)).toEqual([first, second]);
  });

  it("name the file as the given path function says", () => {
    expect(fingerprints([at(3, undefined, "a.yaml")], (f) => `claims/${f}`)).toEqual(fingerprints([at(3, undefined, "claims/a.yaml")]));
  });
});
