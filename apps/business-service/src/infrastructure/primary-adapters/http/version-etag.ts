import type { ExpectedVersions } from '../../../application/invoice-changes.js';

// Invoices and recurring invoices carry a version; their ETag is that version, and a change
// names the version it was based on in `If-Match` (optimistic concurrency).

/** The strong ETag of a resource version: `"7"`. */
export function versionETag(version: number): string {
  return `"${version}"`;
}

// A strong entity-tag whose opaque part is a version number.
const VERSION_TAG = /^"(\d{1,9})"$/;

/**
 * The versions an `If-Match` header names (RFC 9110 §13.1.1): undefined when there is no header
 * (the change is refused with 428), else the numbers of its strong tags. `If-Match` compares
 * strongly, so a weak tag `W/"3"` matches nothing; so do tags this service never issued, and `*`
 * (it would match any version and defeat the lost-update check): an empty list is a 412.
 */
export function versionsOfIfMatch(header: string | string[] | undefined): ExpectedVersions {
  if (header === undefined) return undefined;
  const values = Array.isArray(header) ? header : [header];
  if (values.every((value) => value.trim() === '')) return undefined;
  const versions: number[] = [];
  for (const tag of values.flatMap((value) => value.split(','))) {
    const match = VERSION_TAG.exec(tag.trim());
    if (match) versions.push(Number(match[1]));
  }
  return versions;
}
