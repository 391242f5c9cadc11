/**
 * `claims schema`: the JSON Schema of a ledger file, generated from the same Zod schemas that
 * validate files, with what Zod cannot say about them added for editors: the meaning of each
 * enumerated value, the real calendar for dates, and what `says` takes for each claim type.
 */
import * as z from "zod/mini";
import { ISO_DAY_PATTERN } from "../values/date.js";
import { type CLAIM_TYPE_DESCRIPTIONS, RATING_DESCRIPTIONS, RELIABILITY_DESCRIPTIONS, SOURCE_TYPE_DESCRIPTIONS, valueDescription } from "./descriptions.js";
import { DATE_SHAPE, fileSchema } from "./schema.js";

type Node = Record<string, unknown>;

/** Each enumeration's values with their meanings (matched by the values themselves). */
const ENUMS: readonly Readonly<Record<string, string>>[] = [SOURCE_TYPE_DESCRIPTIONS, RELIABILITY_DESCRIPTIONS, RATING_DESCRIPTIONS];

/** The JSON Schema of a ledger file, draft-07 for editor compatibility. */
export function ledgerJsonSchema(): unknown {
  const schema = z.toJSONSchema(fileSchema, { target: "draft-7", io: "input" }) as Node;
  visit(schema, (node) => {
    // Dates: the shape Zod knows becomes the calendar the code checks (no 2011-02-30).
    if (node.pattern === DATE_SHAPE.source) node.pattern = ISO_DAY_PATTERN;
    if (Array.isArray(node.enum)) {
      const values = node.enum.map(String);
      const meanings = ENUMS.find((e) => values.length === Object.keys(e).length && values.every((v) => Object.hasOwn(e, v)));
      if (meanings) {
        // Both spellings: VS Code's JSON service and yaml-language-server read either.
        node.enumDescriptions = values.map((v) => meanings[v]);
        node.markdownEnumDescriptions = values.map((v) => `\`${v}\`: ${meanings[v]}`);
      }
    }
  });
  describeValuesByType(schema);
  return { ...schema, title: "claims ledger file", description: "A YAML file of a claims ledger: sources, documents and claims (see the claims README)." };
}

/** `says` and `finding` take what the claim's type takes: each claim variant says so in its own words. */
function describeValuesByType(schema: Node): void {
  const claims = (schema.properties as Node | undefined)?.claims as Node | undefined;
  const variants = ((claims?.additionalProperties as Node | undefined)?.oneOf ?? []) as Node[];
  for (const variant of variants) {
    const properties = variant.properties as Record<string, Node>;
    const type = properties.type?.const as keyof typeof CLAIM_TYPE_DESCRIPTIONS | undefined;
    if (type === undefined) continue;
    const says = ((properties.statements?.items as Node | undefined)?.properties as Record<string, Node> | undefined)?.says;
    const finding = ((properties.verdict?.properties as Record<string, Node> | undefined) ?? {}).finding;
    if (says) says.description = valueDescription("says", type);
    if (finding) finding.description = valueDescription("finding", type);
  }
}

/** Calls `fn` on every schema object in the tree. */
function visit(node: unknown, fn: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
  } else if (typeof node === "object" && node !== null) {
    fn(node as Node);
    for (const value of Object.values(node)) visit(value, fn);
  }
}
