/**
 * What the formatters need of a colour library: a function that styles text, with the styles
 * they use chained as properties. A chalk instance is one; so is a plain pass-through (`PLAIN`),
 * so that the formatters, and the library's types, do not depend on chalk.
 */
export interface Stylist {
  (...text: unknown[]): string;
  /** 0 when no escape codes are written. */
  readonly level: number;
  readonly bold: Stylist;
  readonly dim: Stylist;
  readonly italic: Stylist;
  readonly underline: Stylist;
  readonly strikethrough: Stylist;
  readonly red: Stylist;
  readonly green: Stylist;
  readonly yellow: Stylist;
  readonly blue: Stylist;
}

/** A stylist that writes no escape codes: every style, chained or called, gives the text unchanged. */
export const PLAIN: Stylist = new Proxy((...text: unknown[]) => text.join(" "), {
  // `then` stays undefined, so the stylist is not taken for a promise when an async function returns it.
  get: (_target, key) => (key === "level" ? 0 : typeof key === "string" && key !== "then" ? PLAIN : undefined),
}) as unknown as Stylist;
