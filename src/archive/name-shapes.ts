import { walkArchive } from './walk.js';

/**
 * The shape of a file name: runs of digits become `9`, runs of letters `a`, and the extension
 * is kept, so `force-98921-7001-20170727-001528-1501103728.3076.wav` → `a-9-9-9-9-9.9.wav`.
 */
export function nameShape(relativePath: string): string {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return stem.replace(/\p{N}+/gu, '9').replace(/\p{L}+/gu, 'a') + ext;
}

/**
 * Every file under `root` counted (or the paths given, e.g. an S3 root's recordings), with the
 * three commonest name shapes and an example each.
 */
export async function commonShapes(
  root: string | Iterable<string>,
): Promise<{ files: number; shapes: string[] }> {
  const counts = new Map<string, { n: number; example: string }>();
  let files = 0;
  for await (const path of typeof root === 'string' ? walkArchive(root) : root) {
    files++;
    const shape = nameShape(path);
    const entry = counts.get(shape);
    if (entry) entry.n++;
    else counts.set(shape, { n: 1, example: path });
  }
  const shapes = [...counts]
    .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
    .slice(0, 3)
    .map(([shape, { n, example }]) => `${shape} (${n} file${n === 1 ? '' : 's'}, e.g. ${example})`);
  return { files, shapes };
}
