/** Web addresses (SPEC §2 v2): the one rule for every `url` a ledger holds or an export writes. */

/** Whether a string is an absolute `http:` or `https:` URL with a host. */
export function isWebUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
