import cliProgress from "cli-progress";

/** Progress of a long run: `advance` after each step of `total`; `note` names what is being done. */
export type Progress = { advance(steps: number, note: string): void; done(): void };

/**
 * A bar on a terminal (standard error, so standard output stays clean); otherwise plain lines, one
 * per note change and at most one a second in between, for logs of cron jobs and CI.
 */
export function createProgress(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${title} [{bar}] {percentage}% {value}/{total} {note}`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(total, 1), 0, { note: "" });
    return {
      advance: (steps, note) => bar.increment(steps, { note }),
      done: () => bar.stop(),
    };
  }
  let value = 0;
  let lastNote = "";
  let lastLine = 0;
  return {
    advance(steps, note) {
      value += steps;
      const now = Date.now();
      if (note === lastNote && now - lastLine < 1000) return;
      lastNote = note;
      lastLine = now;
      stream.write(`${title}: ${value}/${total} ${note}\n`);
    },
    done: () => stream.write(`${title}: ${value}/${total} done\n`),
  };
}

/** No output (tests, library use). */
export const silentProgress: Progress = { advance() {}, done() {} };
