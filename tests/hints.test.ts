/** Position hints kept from the first parse agree with a fresh parse, field for field. */
import { describe, expect, it } from "vitest";
import { hinted, HINTED_FIELDS, locate } from "../src/core/load/locate.js";
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
