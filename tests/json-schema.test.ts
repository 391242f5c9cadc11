/**
 * `claims schema`, read back by a real validator (Ajv, draft-07) the way editors use it: ledger
 * files parsed from YAML are valid or invalid as `claims` would judge them, as far as a JSON
 * Schema can say; every key and enumerated value is described; dates follow the real calendar.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, ROOT, runBin } from "./helpers/run.js";

type Node = Record<string, unknown>;
let schema: Node;
let validate: ValidateFunction;

beforeAll(() => {
  const result = runBin(["schema"]);
  expect(result.code).toBe(0);
  schema = JSON.parse(result.stdout) as Node;
  const ajv = new Ajv.default({ strict: true, allErrors: true });
  // Annotations for editors (VS Code's JSON service, yaml-language-server): no effect on validation.
  ajv.addKeyword({ keyword: "enumDescriptions", schemaType: "array" });
  ajv.addKeyword({ keyword: "markdownEnumDescriptions", schemaType: "array" });
  ajv.addFormat("uri", (value: string) => URL.canParse(value));
  validate = ajv.compile(schema);
});

const errorsOf = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`));

/** Every YAML file under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe("the JSON Schema", () => {
  it("accepts every file of the example ledger and of the clean fixtures", () => {
    const files = [...yamlFiles(join(ROOT, "claims")), ...yamlFiles(join(FIXTURES, "wider")), ...yamlFiles(join(FIXTURES, "analysis"))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect([file, errorsOf(parse(readFileSync(file, "utf8")) ?? {})]).toEqual([file, []]);
  });

  const source = (extra: string) => `sources:\n  a:\n    name: A\n    type: official\n${extra}`;
  const document = (published: string) => `documents:\n  d:\n    title: T\n    publisher: P\n    published: ${published}\n`;
  const claim = (lines: string) => `claims:\n  c:\n    question: Q?\n${lines}`;
  const statement = (extra = "") => `    statements:\n      - source: a\n        says: 1\n${extra}`;
  it.each([
    ["a month that does not exist", document("2011-13-45"), ["/documents/d/published pattern"]],
    ["the 30th of February", document("2011-02-30"), ["/documents/d/published pattern"]],
    ["the 29th of February in 1900, not a leap year", document("1900-02-29"), ["/documents/d/published pattern"]],
    ["the 31st of April", document("2011-04-31"), ["/documents/d/published pattern"]],
    ["a date in another shape", document("17/12/2011"), ["/documents/d/published pattern"]],
    ["an unknown key", source("    sorce: x\n"), ["/sources/a additionalProperties"]],
    ["a source type not in the list", "sources:\n  a:\n    name: A\n    type: offical\n", ["/sources/a/type enum"]],
    ["a reliability grade out of A–F", source("    reliability: G\n"), ["/sources/a/reliability enum"]],
    ["an id that is not a slug", "sources:\n  Bad_Id:\n    name: A\n    type: official\n", ["/sources pattern", "/sources propertyNames"]],
    ["a retraction on a date that does not exist", claim(`    type: quantity\n${statement("        retracted: 2011-02-30\n")}`), expect.arrayContaining(["/claims/c/statements/0/retracted pattern"])],
    ["a margin of 1 or more", claim(`    type: quantity\n    margin: 1\n${statement()}`), expect.arrayContaining(["/claims/c/margin exclusiveMaximum"])],
    ["a choice claim without options", claim(`    type: choice\n${statement()}`), expect.arrayContaining(["/claims/c required"])],
    ["a rating not in the list", claim(`    type: boolean\n${statement()}    verdict:\n      rating: maybe\n`), expect.arrayContaining(["/claims/c/verdict/rating enum"])],
    ["a claim without statements", claim("    type: boolean\n    statements: []\n"), expect.arrayContaining(["/claims/c/statements minItems"])],
  ])("rejects %s", (_, yaml, expected) => {
    expect(errorsOf(parse(yaml))).toEqual(expected);
  });

  it.each(["2000-02-29", "2012-02-29", "2400-02-29", "0000-02-29", "2011-12-31", "2011-04-30"])("accepts the real date %s", (date) => {
    expect(errorsOf(parse(document(date)))).toEqual([]);
  });

  it("cannot see anchors and aliases, which `claims` refuses: a parser has expanded them before validation", () => {
    const yaml = "sources:\n  a: &same\n    name: A\n    type: official\n  b: *same\n";
    expect(errorsOf(parse(yaml, { merge: false }))).toEqual([]);
  });

  it("describes every key, and every enumerated value", () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}/${i}`));
      if (typeof node !== "object" || node === null) return;
      const n = node as Node;
      for (const [key, property] of Object.entries((n.properties as Node | undefined) ?? {})) {
        if (typeof (property as Node).description !== "string" || (property as Node).description === "") undescribed.push(`${path}/properties/${key}`);
      }
      if (Array.isArray(n.enum) && (!Array.isArray(n.enumDescriptions) || n.enumDescriptions.length !== n.enum.length || n.enumDescriptions.some((d) => typeof d !== "string" || d === ""))) {
        undescribed.push(`${path} (enum)`);
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(schema, "#");
    expect(undescribed).toEqual([]);
    const variants = ((schema.properties as Node).claims as { additionalProperties: { oneOf: { properties: Record<string, Node> }[] } }).additionalProperties.oneOf;
    expect(variants.map((v) => [v.properties.type.const, String(v.properties.statements.items && (v.properties.statements.items as Node).properties && ((v.properties.statements.items as Node).properties as Record<string, Node>).says.description).split(". ")[1]])).toEqual([
      ["quantity", "A number: values are figures, hedged figures (`at least 10`, `about 60`), ranges, vague words (`dozens`) or `{min, max}`"],
      ["choice", "One of the claim's `options`: values name an option or a list of options"],
      ["boolean", "Yes or no: values are `true`/`false` (or `yes`/`no`)"],
      ["date", "A date: values are `2011`, `2011-12`, `2011-12-16`, `before D`, `after D`, `between D and E`, or `D/E`"],
    ]);
  });
});
