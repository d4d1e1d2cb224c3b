import { lstat, readFile } from 'node:fs/promises';

/** Field names tried in a sidecar when no --sidecar-field is given. */
const DEFAULT_SIDECAR_FIELDS = [
  'callId',
  'call_id',
  'CallId',
  'conversationId',
  'contactId',
  'ContactId',
  'CallSid',
];

export type SidecarRead =
  | { found: false }
  | { found: true; file: string; callId: string | null }
  | { found: true; file: string; error: string };

/** Where sidecars are read from: the local file system, or the objects of an s3:// root. */
export interface SidecarFiles {
  /** A regular file (symbolic links are not followed, so a sidecar cannot point outside the archive). */
  isFile(file: string): Promise<boolean>;
  readText(file: string): Promise<string>;
}

const LOCAL_FILES: SidecarFiles = {
  isFile: async (file) => {
    try {
      return (await lstat(file)).isFile();
    } catch {
      return false;
    }
  },
  readText: (file) => readFile(file, 'utf8'),
};

/** Sidecar names next to a recording: `<file>.json`, `<file>_metadata.json`, `<stem>.json`, `<stem>.xml`. */
function sidecarCandidates(absPath: string, extra: readonly string[] = []): string[] {
  const dot = absPath.lastIndexOf('.');
  const stem = dot > absPath.lastIndexOf('/') ? absPath.slice(0, dot) : absPath;
  const expand = (t: string) => t.replaceAll('{file}', absPath).replaceAll('{stem}', stem);
  return [
    ...extra.map(expand),
    `${absPath}.json`,
    `${absPath}_metadata.json`,
    `${stem}.json`,
    `${stem}.xml`,
  ].filter((f, i, all) => all.indexOf(f) === i);
}

/**
 * Reads the first sidecar that exists (a regular file; symbolic links are not followed, so a
 * sidecar cannot point outside the archive). `field` is a dotted path into JSON, or an element
 * name in XML; without it the common call-ID names are tried.
 */
export async function readSidecarId(
  absPath: string,
  field: string | null,
  extra: readonly string[] = [],
  files: SidecarFiles = LOCAL_FILES,
): Promise<SidecarRead> {
  for (const file of sidecarCandidates(absPath, extra)) {
    if (!(await files.isFile(file))) continue;
    let text: string;
    try {
      text = (await files.readText(file)).replace(/^\uFEFF/, '');
    } catch (error) {
      return { found: true, file, error: (error as Error).message };
    }
    const fields = field ? [field] : DEFAULT_SIDECAR_FIELDS;
    if (file.toLowerCase().endsWith('.xml')) return { found: true, file, callId: fromXml(text, fields) };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { found: true, file, error: `not valid JSON (${(error as Error).message})` };
    }
    return { found: true, file, callId: fromJson(json, fields) };
  }
  return { found: false };
}

function fromJson(json: unknown, fields: readonly string[]): string | null {
  for (const field of fields) {
    let node: unknown = json;
    for (const key of field.split('.')) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    }
    if (typeof node === 'string' && node.trim() !== '') return node.trim();
    if (typeof node === 'number') return String(node);
  }
  return null;
}

function fromXml(text: string, fields: readonly string[]): string | null {
  for (const field of fields) {
    const name = field.slice(field.lastIndexOf('.') + 1).replace(/[^\w:-]/g, '');
    // Every run stops at the next `<`, so a sidecar full of spaces or of unclosed tags is read
    // in linear time (`\s*([^<]*?)\s*` tried every split of the white space).
    const match = new RegExp(`<${name}(?:\\s[^<>]*)?>([^<]*)</${name}>`).exec(text);
    const value = match?.[1]?.trim();
    if (value) return value;
  }
  return null;
}
