/**
 * Where each statement was said (SPEC §12 v2): its own `url`, else its document's. Only an
 * absolute `http:` or `https:` address becomes a link. The schema refuses any other in a ledger,
 * but the library formats any `Report` it is given, so a `javascript:` or `data:` address that
 * reaches an export is shown as text, never as a link, in every format.
 */
import type { Report, ReportStatement } from "../../core/report/types.js";
import { isWebUrl } from "../../core/shared/url.js";
import { documentLabel, documentOf } from "./display.js";

/** Where a statement was said, as every export shows it. */
export interface StatementLink {
  /** The address to link to: an absolute http(s) URL, or null when there is none to link. */
  readonly href: string | null;
  /** The address as written, when it is not one to link (shown as text); null otherwise. */
  readonly unlinked: string | null;
  /** What the link reads: the document ("Title — Publisher"), else the address's host; "" without either. */
  readonly label: string;
}

/** An address that may be published as a link: absolute http(s), else null. */
export function webUrl(url: string | null | undefined): string | null {
  return typeof url === "string" && isWebUrl(url) ? url : null;
}

/** The statement's own `url`, else its document's; null without either. */
export function statementUrl(report: Report, statement: ReportStatement): string | null {
  if (statement.url !== null) return statement.url;
  if (statement.in === null) return null;
  return documentOf(report, statement.in)?.url ?? null;
}

/** The host of a web address ("www.rferl.org"), to name a link that has no document. */
function host(url: string): string {
  return new URL(url).host;
}

/** Where a statement was said: the link (or the unlinkable address) and what it reads. */
export function statementLink(report: Report, statement: ReportStatement): StatementLink {
  const url = statementUrl(report, statement);
  const document = documentLabel(report, statement.in);
  const href = webUrl(url);
  return {
    href,
    unlinked: url !== null && href === null ? url : null,
    label: document !== "" ? document : href !== null ? host(href) : "",
  };
}

/**
 * The link as one line of plain text, for text-only cells: the label, then the address that is not
 * a link after a "·" ("Title — Publisher · javascript:alert(1)"), so nothing is lost or clickable.
 */
export function linkText(link: StatementLink): string {
  return link.unlinked === null ? link.label : [link.label, link.unlinked].filter((part) => part !== "").join(" · ");
}
