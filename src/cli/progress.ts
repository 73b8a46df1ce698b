/**
 * Progress for long CLI work: on a terminal, one line redrawn in place with a bar and rows/s; in a
 * log (CI, a pipe), a plain line per file and at most one every five seconds.
 */
export interface Progress {
  update(label: string, done: number, total: number | null): void;
  finish(label: string, done: number): void;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let started = performance.now();
  let current = '';
  let lastPrint = 0;
  const rate = (done: number) => done / Math.max((performance.now() - started) / 1000, 1e-3);
  return {
    update(label, done, total) {
      if (label !== current) {
        current = label;
        started = performance.now();
      }
      const now = performance.now();
      if (tty) {
        if (now - lastPrint < 100) return;
        const width = 24;
        const bar = total ? `[${'#'.repeat(Math.round((width * done) / Math.max(total, 1))).padEnd(width, '.')}] ` : '';
        stream.write(`\r\x1b[K${bar}${label} ${fmt(done)}${total ? `/${fmt(total)}` : ''} rows · ${fmt(rate(done))} rows/s`);
      } else if (now - lastPrint >= 5000) {
        stream.write(`${label}: ${fmt(done)}${total ? `/${fmt(total)}` : ''} rows (${fmt(rate(done))} rows/s)\n`);
      } else return;
      lastPrint = now;
    },
    finish(label, done) {
      const line = `${label}: ${fmt(done)} rows in ${((performance.now() - started) / 1000).toFixed(1)} s (${fmt(rate(done))} rows/s)`;
      stream.write(tty ? `\r\x1b[K${line}\n` : `${line}\n`);
      lastPrint = 0;
    },
  };
}
