/** `claims schema`: the JSON Schema of a ledger file, generated from the same Zod schemas that validate files. */
import * as z from "zod/mini";
import { fileSchema } from "./schema.js";

/** The JSON Schema of a ledger file, draft-07 for editor compatibility. */
export function ledgerJsonSchema(): unknown {
  const schema = z.toJSONSchema(fileSchema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "claims ledger file", description: "A YAML file of a claims ledger: sources, documents and claims (see the claims README)." };
}
