/**
 * A test title that says why the test is skipped, so a skipped test in the output names the
 * missing thing: "… — skipped: chromium not found at /usr/bin/chromium". `missing` is null when
 * the test runs.
 */
export function orSkipped(title: string, missing: string | null): string {
  return missing === null ? title : `${title} — skipped: ${missing}`;
}
