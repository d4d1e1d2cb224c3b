// Preloaded with `node --import` into every benchmarked child: on exit it writes the child's
// peak resident set size (KiB, from getrusage) and the CPU seconds of all its threads where
// BENCH_RSS_FILE says. CPU time is the steadier figure when other work loads the machine.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(
      target,
      JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (user + system) / 1e6 }),
    );
  });
}
