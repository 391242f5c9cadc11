/** Position hints kept from the first parse agree with a fresh parse, field for field. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { claimKeyPlace, hinted, HINTED_FIELDS, locate } from "../src/core/load/locate.js";
import { pack, packedLength, unpackAt } from "../src/core/load/packed.js";
import { parseFile } from "../src/core/load/load-file.js";
import { collectFiles } from "../src/core/load/workspace.js";
import { ROOT } from "./helpers/run.js";

describe("statement hints", () => {
  for (const dir of ["claims", "tests/fixtures/wider", "tests/fixtures/every-fault", "tests/fixtures/analysis"]) {
    it(`match a second parse in ${dir}`, () => {
      let compared = 0;
      for (const found of collectFiles([dir], ROOT)) {
        const { file, value } = parseFile(found);
        const claims = (value as { claims?: Record<string, { statements?: unknown[] }> } | undefined)?.claims ?? {};
        const bare = { ...file, hints: undefined };
        for (const [id, claim] of Object.entries(claims)) {
          for (let i = 0; i < (claim.statements?.length ?? 0); i++) {
            for (const field of HINTED_FIELDS) {
              const path = field === "" ? ["claims", id, "statements", i] : ["claims", id, "statements", i, field];
              expect(hinted(file, path)).toBeDefined();
              expect(locate(file, path)).toEqual(locate(bare, path));
              compared++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});

describe("hints of large files", () => {
  const given = (text: string) => parseFile({ abs: "/ledger/big.yaml", display: "big.yaml", root: "/ledger", text }).file;

  it("match a second parse past line 65,535 (two units a number) and with more claims than are scanned (an index)", () => {
    const claims = Array.from({ length: 40 }, (_, i) => `  c-${i}:\n    question: "Q${i}?"\n    type: quantity\n    statements:\n      - source: s\n        says: ${i}\n        in: d\n      - {source: s, says: 2, quote: "q", via: t}\n`);
    const records = "sources:\n  s: {name: S, type: media}\n  t: {name: T, type: media}\ndocuments:\n  d:\n    title: D\n    publisher: P\n    archive: a.txt\n    sha256: " + "0".repeat(64) + "\n";
    const text = `${"#\n".repeat(70_000)}${records}claims:\n${claims.join("")}`;
    const file = given(text);
    const bare = { ...file, hints: undefined };
    expect(file.hints?.claims).toHaveLength(40);
    expect(file.hints?.places.charCodeAt(0)).toBe(2); // wide: lines pass 65,535
    let compared = 0;
    for (let i = 0; i < 40; i++) {
      expect(claimKeyPlace(file, `c-${i}`)).toEqual(locate(bare, ["claims", `c-${i}`], "key"));
      for (let k = 0; k < 2; k++) {
        for (const field of HINTED_FIELDS) {
          const path = field === "" ? ["claims", `c-${i}`, "statements", k] : ["claims", `c-${i}`, "statements", k, field];
          expect(hinted(file, path)).toEqual(locate(bare, path));
          compared++;
        }
      }
    }
    expect(compared).toBe(40 * 2 * HINTED_FIELDS.length);
    expect(claimKeyPlace(file, "c-39")).toEqual({ file: "big.yaml", line: 70_011 + 39 * 8, column: 3 });
    for (const [path, part] of [[["sources", "t"], "key"], [["documents", "d"], "key"], [["documents", "d", "archive"], "value"], [["documents", "d", "sha256"], "value"], [["claims", "c-7"], "key"]] as const) {
      expect(locate(file, path, part)).toEqual(locate(bare, path, part));
    }
    expect(locate(file, ["documents", "d", "sha256"])).toEqual({ file: "big.yaml", line: 70_009, column: 13 });
    // A claim that is not there, and a statement past the file's last place: no hint.
    expect(hinted(file, ["claims", "c-40", "statements", 0])).toBeUndefined();
    expect(hinted(file, ["claims", "c-39", "statements", 2])).toBeUndefined();
  });

  it("of a file with one claim stay narrow: one code unit a number", () => {
    const file = given("claims:\n  c:\n    question: Q?\n    type: boolean\n    statements:\n      - {source: s, says: yes}\n");
    // Where the claim's pairs start (2), the record key of c (2:3), its id key (2:3), then the
    // statement's six places: the item (6:9), source (6:18), says (6:27), and the item again for
    // the absent quote, in and via.
    expect(file.hints).toEqual({ claims: ["c"], records: ["claims\u0000c"], places: pack([2, 2, 3, 2, 3, 6, 9, 6, 18, 6, 27, 6, 9, 6, 9, 6, 9]) });
    expect(file.hints?.places.charCodeAt(0)).toBe(1);
  });
});

describe("packed numbers", () => {
  it("unpack to what was packed, narrow or wide", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(0xffff), fc.nat(0xffffffff))), (numbers) => {
        const packed = pack(numbers);
        expect(packedLength(packed)).toBe(numbers.length);
        expect(numbers.map((_, i) => unpackAt(packed, i))).toEqual(numbers);
        expect(unpackAt(packed, numbers.length)).toBeUndefined();
        expect(unpackAt(packed, -1)).toBeUndefined();
        expect(packed.length).toBe(numbers.length === 0 ? 1 : 1 + numbers.length * (numbers.some((n) => n > 0xffff) ? 2 : 1));
      }),
    );
  });

  it("a million numbers, past the argument limit of one fromCharCode call", () => {
    const numbers = Array.from({ length: 1_000_000 }, (_, i) => i % 65_536);
    const packed = pack(numbers);
    expect([packedLength(packed), unpackAt(packed, 999_999), unpackAt(packed, 65_536)]).toEqual([1_000_000, 999_999 % 65_536, 0]);
  });
});
