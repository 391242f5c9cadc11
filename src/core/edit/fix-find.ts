/**
 * The fixes `claims fix` applies (SPEC §10 v2): only those with one possible meaning, so applying
 * them cannot change what the ledger says. Each is found on the files' plain values; fix-apply.ts
 * makes them through the CST.
 */
import { isMapping } from "../load/parse.js";
import { CLAIM_TYPES, RATINGS, RELIABILITIES, SOURCE_TYPES } from "../load/records.js";
import { isId, mappingAt, TYPE_ONLY_KEYS } from "../load/schema.js";
import { candidatesNear } from "../shared/suggest.js";

export type FixKind = "key" | "case" | "id" | "reference";

/** One scalar to rewrite: a mapping's key (the last step of `path`), or the value at `path`. */
export interface Fix {
  readonly abs: string;
  readonly display: string;
  readonly path: readonly (string | number)[];
  readonly part: "key" | "value";
  readonly from: string;
  readonly to: string;
  readonly kind: FixKind;
}

export interface FixInput {
  readonly abs: string;
  readonly display: string;
  readonly value: unknown;
}

const SECTIONS = ["sources", "documents", "claims"] as const;
type Section = (typeof SECTIONS)[number];
/** Which kind of record each reference names. */
const REFERENCES: Record<string, Section> = { source: "sources", via: "sources", in: "documents" };

/**
 * The fixes with one possible meaning, across the ledger's files (ids and references span files),
 * in the files `editable` accepts; the others are read for their ids only.
 */
export function findFixes(files: readonly FixInput[], editable: (abs: string) => boolean = () => true): Fix[] {
  const ids = idRenames(files, editable);
  const out: Fix[] = [];
  for (const file of files) {
    if (!isMapping(file.value) || !editable(file.abs)) continue;
    const add = (path: readonly (string | number)[], part: Fix["part"], from: string, to: string, kind: FixKind) => out.push({ abs: file.abs, display: file.display, path, part, from, to, kind });
    const top = file.value;
    keyFixes(top, [], undefined, add);
    if (isMapping(top.settings)) keyFixes(top.settings, ["settings"], undefined, add);
    for (const section of SECTIONS) {
      const records = top[section];
      if (!isMapping(records)) continue;
      for (const [id, record] of Object.entries(records)) {
        const renamed = ids.renames.get(id);
        if (renamed?.section === section) add([section, id], "key", id, renamed.slug, "id");
        if (isMapping(record)) recordFixes(section, id, record, ids.after, add);
      }
    }
  }
  return out;
}

type Add = (path: readonly (string | number)[], part: Fix["part"], from: string, to: string, kind: FixKind) => void;

function recordFixes(section: Section, id: string, record: Record<string, unknown>, ids: Record<Section, Set<string>>, add: Add): void {
  const at = [section, id];
  if (section === "sources") {
    caseFix(record.type, SOURCE_TYPES, [...at, "type"], add);
    caseFix(record.reliability, RELIABILITIES, [...at, "reliability"], add);
  }
  if (section !== "claims") {
    keyFixes(record, at, undefined, add);
    return;
  }
  // The claim's type as it will read once its case is fixed: its keys and options follow from it.
  const type = caseFix(record.type, CLAIM_TYPES, [...at, "type"], add) ?? record.type;
  keyFixes(record, at, type, add);
  const options = type === "choice" && Array.isArray(record.options) && record.options.every((o) => typeof o === "string" && isId(o)) ? (record.options as string[]) : undefined;
  const statements = Array.isArray(record.statements) ? record.statements : [];
  statements.forEach((statement, i) => {
    if (!isMapping(statement)) return;
    const path = [...at, "statements", i];
    keyFixes(statement, path, undefined, add);
    if (options) choiceFix(statement.says, options, [...path, "says"], add);
    for (const [key, kind] of Object.entries(REFERENCES)) referenceFix(statement[key], ids[kind], [...path, key], add);
  });
  if (isMapping(record.verdict)) {
    const path = [...at, "verdict"];
    keyFixes(record.verdict, path, undefined, add);
    caseFix(record.verdict.rating, RATINGS, [...path, "rating"], add);
    if (options) choiceFix(record.verdict.finding, options, [...path, "finding"], add);
    referenceFix(record.verdict.claimant, ids.sources, [...path, "claimant"], add);
  }
}

/** A misspelt key with exactly one candidate, which the mapping does not already hold. */
function keyFixes(mapping: Record<string, unknown>, path: readonly (string | number)[], claimType: unknown, add: Add): void {
  const place = mappingAt(path, claimType);
  if (!place) return;
  const keys = Object.keys(mapping);
  for (const key of keys) {
    // A key of another claim type is a real key in the wrong place, not a misspelling.
    if (place.keys.includes(key) || Object.hasOwn(TYPE_ONLY_KEYS, key)) continue;
    const near = candidatesNear(key, place.keys);
    if (near.length === 1 && !keys.includes(near[0])) add([...path, key], "key", key, near[0], "key");
  }
}

/** A value that is one of `options` but for its case; the option it is, when there is exactly one. */
function caseFix(value: unknown, options: readonly string[], path: readonly (string | number)[], add: Add): string | undefined {
  if (typeof value !== "string" || options.includes(value)) return undefined;
  const same = options.filter((option) => option.toLowerCase() === value.toLowerCase());
  if (same.length !== 1) return undefined;
  add(path, "value", value, same[0], "case");
  return same[0];
}

/** A choice value (one option, or a list of them) with options written in another case. */
function choiceFix(value: unknown, options: readonly string[], path: readonly (string | number)[], add: Add): void {
  if (Array.isArray(value)) value.forEach((item, j) => caseFix(item, options, [...path, j], add));
  else caseFix(value, options, path, add);
}

/** A reference written with capitals or spaces whose slug names a record of the right kind. */
function referenceFix(value: unknown, ids: ReadonlySet<string>, path: readonly (string | number)[], add: Add): void {
  if (typeof value !== "string" || isId(value)) return;
  const slug = slugOf(value);
  if (ids.has(slug)) add(path, "value", value, slug, "reference");
}

/** An id as it was surely meant: lower case, spaces as hyphens. */
export function slugOf(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, "-");
}

interface IdRenames {
  /** Declared ids that are not slugs, to the slug each becomes. */
  readonly renames: ReadonlyMap<string, { readonly section: Section; readonly slug: string }>;
  /** The ids of each kind once renamed. */
  readonly after: Record<Section, Set<string>>;
}

/**
 * Ids declared with capitals or spaces whose slug is free: declared nowhere else (in any kind)
 * and the slug of no other such id, in a file that may be edited. A record with such an id is left
 * out of the ledger, so renaming it only lets in what was written.
 */
function idRenames(files: readonly FixInput[], editable: (abs: string) => boolean): IdRenames {
  const declared = new Set<string>();
  const after: Record<Section, Set<string>> = { sources: new Set(), documents: new Set(), claims: new Set() };
  const bySlug = new Map<string, { section: Section; id: string; editable: boolean }[]>();
  for (const file of files) {
    if (!isMapping(file.value)) continue;
    for (const section of SECTIONS) {
      const records = file.value[section];
      if (!isMapping(records)) continue;
      for (const id of Object.keys(records)) {
        declared.add(id);
        if (isId(id)) after[section].add(id);
        else if (isId(slugOf(id))) bySlug.set(slugOf(id), [...(bySlug.get(slugOf(id)) ?? []), { section, id, editable: editable(file.abs) }]);
      }
    }
  }
  const renames = new Map<string, { section: Section; slug: string }>();
  for (const [slug, written] of bySlug) {
    // Renamed only where the file may be changed: a reference must not be pointed at a slug that
    // nothing will declare.
    if (written.length !== 1 || declared.has(slug) || !written[0].editable) continue;
    renames.set(written[0].id, { section: written[0].section, slug });
    after[written[0].section].add(slug);
  }
  return { renames, after };
}
