import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { MissingBytes, type ByteSource } from '../read-bytes.js';

/**
 * The ranges of one S3 object fetched so far, as the header readers' ByteSource: a read inside
 * a fetched range is served from memory, any other throws MissingBytes for the caller to fetch.
 */
export class FetchedRanges implements ByteSource {
  private readonly ranges: Array<{ start: number; bytes: Buffer }> = [];

  constructor(readonly size: number) {}

  add(start: number, bytes: Buffer): void {
    this.ranges.push({ start, bytes });
  }

  readAt(position: number, length: number): Buffer {
    const end = Math.min(this.size, position + length);
    if (end <= position) return Buffer.alloc(0);
    for (const { start, bytes } of this.ranges) {
      if (start <= position && start + bytes.length >= end) {
        return bytes.subarray(position - start, end - start);
      }
    }
    throw new MissingBytes(position, end - position);
  }
}

/** The object as the audit read it. */
export interface ObjectVersion {
  /** null in a bucket that never had versioning. */
  versionId: string | null;
  etag: string;
}

/**
 * Ranged GETs of one object. The first is conditional on the ETag the listing gave; the version
 * it returns pins every later range, so all bytes of a probe come from the same version even
 * when the object is overwritten meanwhile.
 */
export class ObjectReader {
  gets = 0;
  version: ObjectVersion;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly key: string,
    etag: string,
    private readonly onGet?: () => void,
  ) {
    this.version = { versionId: null, etag };
  }

  private pinned = false;

  async fetch(into: FetchedRanges, position: number, length: number): Promise<void> {
    const end = Math.min(into.size, position + length);
    if (end <= position) return;
    this.gets++;
    this.onGet?.();
    // No abort signal: a stopped scan lets the GETs in flight finish, as local reads do.
    const answer = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.key,
        Range: `bytes=${position}-${end - 1}`,
        ...(this.pinned && this.version.versionId !== null
          ? { VersionId: this.version.versionId }
          : { IfMatch: this.version.etag }),
      }),
    );
    const bytes = Buffer.from(await answer.Body!.transformToByteArray());
    this.pin(answer);
    into.add(position, bytes);
  }

  /** For an object with no bytes to GET (a range of an empty object is refused): its version by HEAD. */
  async head(): Promise<void> {
    this.gets++;
    this.onGet?.();
    this.pin(
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: this.key, IfMatch: this.version.etag }),
      ),
    );
  }

  private pin(answer: { VersionId?: string; ETag?: string }): void {
    if (this.pinned) return;
    this.pinned = true;
    const versionId = answer.VersionId && answer.VersionId !== 'null' ? answer.VersionId : null;
    this.version = { versionId, etag: answer.ETag ?? this.version.etag };
  }
}
