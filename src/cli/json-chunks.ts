/**
 * `JSON.stringify(value, null, 2)`, in pieces: the top-level object's big arrays one element at a
 * time, so a report of fifty thousand claims is never held as one string of hundreds of megabytes.
 * The pieces join to exactly the same text.
 */
export function* jsonChunks(value: object): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function");
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    const comma = i < entries.length - 1 ? "," : "";
    if (Array.isArray(v) && v.length > 0) {
      yield `\n  ${JSON.stringify(key)}: [`;
      for (let k = 0; k < v.length; k++) yield `\n    ${indent(JSON.stringify(v[k] ?? null, null, 2), "    ")}${k < v.length - 1 ? "," : ""}`;
      yield `\n  ]${comma}`;
    } else {
      yield `\n  ${JSON.stringify(key)}: ${indent(JSON.stringify(v, null, 2), "  ")}${comma}`;
    }
  }
  yield entries.length > 0 ? "\n}" : "}";
}

// JSON text has no raw line breaks inside strings, so every newline starts a line to indent.
function indent(json: string, by: string): string {
  return json.replace(/\n/g, `\n${by}`);
}
