/**
 * `JSON.stringify(value, null, 2)`, in pieces: the top-level object's arrays one element at a
 * time, so a report of fifty thousand claims is never held as one string of hundreds of megabytes.
 * A top-level value that is a function is called for an iterable and written as an array (the
 * claims of a `ClaimStream`): the pieces join to the text of the object with those arrays built.
 */
export function* jsonChunks(value: object): Generator<string> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [key, v] = entries[i];
    const comma = i < entries.length - 1 ? "," : "";
    if (Array.isArray(v) || typeof v === "function") {
      let first = true;
      for (const item of (typeof v === "function" ? v() : v) as Iterable<unknown>) {
        yield `${first ? `\n  ${JSON.stringify(key)}: [` : ","}\n    ${indent(JSON.stringify(item ?? null, null, 2), "    ")}`;
        first = false;
      }
      yield first ? `\n  ${JSON.stringify(key)}: []${comma}` : `\n  ]${comma}`;
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
