/**
 * Preloaded (`node --import`) into a process the bench spawns: on exit, writes the process's peak
 * resident set size (KB) to PALISADE_BENCH_RSS_FILE, so the bench can report a command's own peak.
 */
import fs from 'node:fs';

process.on('exit', () => {
  const file = process.env.PALISADE_BENCH_RSS_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
