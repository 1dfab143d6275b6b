// A one-line progress bar on stderr (bytes read of the file, comments sent); silent when stderr is not a
// terminal, so logs and CI output stay clean.

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const createProgress = (total, stream = process.stderr) => {
  let last = 0;
  const draw = (done, note) => {
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    const bar = `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
    stream.write(
      `\r${bar} ${(ratio * 100).toFixed(0).padStart(3)}% ${mb(done)}/${mb(total)} · ${note}\x1b[K`,
    );
  };
  return {
    update(done, note) {
      if (!stream.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done, note);
    },
    end(done, note) {
      if (stream.isTTY) {
        draw(done, note);
        stream.write('\n');
      }
    },
  };
};
