/**
 * `JSON.stringify(value, null, 2)`, in pieces: the top-level object's arrays a batch of elements at
 * a time, so a report of fifty thousand claims is never held as one string of hundreds of megabytes.
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
      for (const batch of batches((typeof v === "function" ? v() : v) as Iterable<unknown>)) {
        yield `${first ? `\n  ${JSON.stringify(key)}: [\n` : ",\n"}${elements(key, batch)}`;
        first = false;
      }
      yield first ? `\n  ${JSON.stringify(key)}: []${comma}` : `\n  ]${comma}`;
    } else {
      // `{"key": v}` stringified puts v at exactly the depth it has in the whole object.
      yield `\n${JSON.stringify({ [key]: v }, null, 2).slice(2, -2)}${comma}`;
    }
  }
  yield entries.length > 0 ? "\n}" : "}";
}

/**
 * Elements per batch: a few, so that stringifying is not one call per claim, and each piece stays
 * small. A claim is about 6 KB of JSON, twice that in memory once a typographic quote makes the
 * string two bytes a character; a piece over 128 KB is a large object to V8, which only a full
 * collection frees. Batches of 64 made pieces of 800 KB, and a run at 200,000 claims grew by some
 * 600 MB of them while it wrote; pieces of four stay in the young generation and go at once.
 */
const BATCH = 4;

function* batches<T>(items: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The elements of a batch as they stand in the array `key` of the top-level object, indented and
 * comma-separated, without the brackets: stringified inside `{"key": [...]}` and cut out of it, so
 * no second pass re-indents them.
 */
function elements(key: string, batch: readonly unknown[]): string {
  const text = JSON.stringify({ [key]: batch }, null, 2);
  return text.slice(`{\n  ${JSON.stringify(key)}: [\n`.length, -"\n  ]\n}".length);
}
