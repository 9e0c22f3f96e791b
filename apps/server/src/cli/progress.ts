/** A terminal progress bar on stderr; silent when stderr is not a terminal except for the final line. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let last = '';
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const width = 30;
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(ratio * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      if (line !== last) process.stderr.write(`\r${line}`);
      last = line;
    },
    done() {
      if (tty && last) process.stderr.write('\n');
    },
  };
}
