/**
 * Probes `<url>/health` every 100 ms, each time on a new connection (a monitor's or a user's first
 * request), until its stdin closes; then prints the latencies in milliseconds as one JSON array.
 * Run by bench/load in a process of its own, so that the load generator does not delay it.
 */
const url = process.argv[2];
if (!url) throw new Error('usage: health-probe.ts <service url>');
const times: number[] = [];
let running = true;
process.stdin.on('end', () => { running = false; });
process.stdin.resume();
// One request first, not counted: a fresh process's first fetch pays for loading its HTTP client
// (668 ms under load), which a monitor that has been running has long paid.
await fetch(`${url}/health`).then((r) => r.arrayBuffer(), () => null);
while (running) {
  const began = performance.now();
  await fetch(`${url}/health`, { headers: { connection: 'close' } }).then((r) => r.arrayBuffer(), () => null);
  times.push(performance.now() - began);
  await new Promise((r) => setTimeout(r, 100));
}
process.stdout.write(JSON.stringify(times));
