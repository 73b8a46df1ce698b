/**
 * Progress for long CLI work: on a terminal, one line redrawn in place with a bar and rows/s; in a
 * log (CI, a pipe), a plain line per file and at most one every five seconds.
 */
export interface Progress {
  update(label: string, done: number, total: number | null): void;
  finish(label: string, done: number): void;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
/** "1 row", "2 rows": a one-row file is common in a small community's dataset. */
const rowsWord = (done: number, total: number | null) => ((total ?? done) === 1 ? 'row' : 'rows');

export function progress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  let started = performance.now();
  // Rows already done when a label was first seen: a batch can finish before its first report, and
  // counting it against a few milliseconds showed "5,000,000 rows/s".
  let base = 0;
  let current = '';
  let lastPrint = 0;
  const rate = (done: number) => {
    const seconds = (performance.now() - started) / 1000;
    return seconds < 0.5 ? '' : ` · ${fmt((done - base) / seconds)} rows/s`;
  };
  return {
    update(label, done, total) {
      if (label !== current) {
        current = label;
        started = performance.now();
        base = done;
      }
      const now = performance.now();
      if (tty) {
        if (now - lastPrint < 100) return;
        const width = 24;
        const bar = total ? `[${'#'.repeat(Math.round((width * done) / Math.max(total, 1))).padEnd(width, '.')}] ` : '';
        stream.write(`\r\x1b[K${bar}${label} ${fmt(done)}${total ? `/${fmt(total)}` : ''} ${rowsWord(done, total)}${rate(done)}`);
      } else if (now - lastPrint >= 5000) {
        stream.write(`${label}: ${fmt(done)}${total ? `/${fmt(total)}` : ''} ${rowsWord(done, total)}${rate(done)}\n`);
      } else return;
      lastPrint = now;
    },
    finish(label, done) {
      // A file finished before its first report has no start of its own to time it from.
      const timing = label === current ? ` in ${((performance.now() - started) / 1000).toFixed(1)} s${rate(done)}` : '';
      const line = `${label}: ${fmt(done)} ${rowsWord(done, null)}${timing}`;
      stream.write(tty ? `\r\x1b[K${line}\n` : `${line}\n`);
      lastPrint = 0;
    },
  };
}
