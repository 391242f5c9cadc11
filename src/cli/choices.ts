/** Checks, at compile time, that a list of `--format` choices names every key of a registry and nothing else. */
export type All<Name extends string, List extends readonly Name[]> = [Exclude<Name, List[number]>] extends [never] ? List : never;
