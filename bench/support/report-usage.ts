/** Preloaded with --import: prints the process's peak RSS and wall time on exit, for benchmarks of whole commands. */
const start = performance.now();
process.on('exit', () => {
  process.stderr.write(`\nUSAGE ${JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, wallMs: performance.now() - start })}\n`);
});
