// Preloaded with `node --import` into every benchmarked child: on exit it writes the child's
// peak resident set size (KiB, from getrusage) where BENCH_RSS_FILE says.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
