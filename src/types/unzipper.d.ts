// unzipper ships no types; only the streaming parser is used (see src/calllog/xlsx-merges.ts).
declare module 'unzipper' {
  import type { Readable, Transform } from 'node:stream';
  export interface Entry extends Readable {
    path: string;
    autodrain(): { promise(): Promise<void> };
  }
  export function Parse(options?: { forceStream?: boolean }): Transform;
  const unzipper: { Parse: typeof Parse };
  export default unzipper;
}
