import { S3Client, CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
const [dir, bucket, prefix = ''] = process.argv.slice(2);
const s3 = new S3Client({ endpoint: process.env.S3_ENDPOINT, region: 'us-east-1', forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
try { await s3.send(new CreateBucketCommand({ Bucket: bucket })); } catch (e) { console.log(e.name); }
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]);
let n = 0;
for (const f of walk(dir)) { await s3.send(new PutObjectCommand({ Bucket: bucket, Key: prefix + relative(dir, f), Body: readFileSync(f) })); n++; }
console.log(`${n} objects`);
