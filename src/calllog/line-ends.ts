const LF = 10;

/**
 * Turns CRLF and lone CR line breaks into LF across chunk boundaries, and counts lines.
 * csv-parse counts an embedded CRLF inside a quoted value as two lines, which would shift the
 * line number of every later record; with LF only, its counts are exact. Lone CRs are treated
 * as line breaks too, as old Mac Excel wrote them.
 */
export class LineEndNormaliser {
  private pendingCr = false;
  private newlines = 0;
  private endsWithNewline = false;
  private seenText = false;

  push(chunk: string): string {
    let text = this.pendingCr ? `\r${chunk}` : chunk;
    // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
    this.pendingCr = text.endsWith('\r');
    if (this.pendingCr) text = text.slice(0, -1);
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    this.account(text);
    return text;
  }

  end(): string {
    const text = this.pendingCr ? '\n' : '';
    this.pendingCr = false;
    this.account(text);
    return text;
  }

  /** Physical lines seen so far; a final line without a line break counts. */
  get lines(): number {
    return this.newlines + (this.seenText && !this.endsWithNewline ? 1 : 0);
  }

  private account(text: string): void {
    if (text.length === 0) return;
    this.seenText = true;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.newlines++;
    this.endsWithNewline = text.charCodeAt(text.length - 1) === LF;
  }
}
