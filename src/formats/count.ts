/** Counting words for messages. */

/** Plural noun with its count: "1 claim", "2 claims". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
