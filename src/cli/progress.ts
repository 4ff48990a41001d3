/**
 * Progress of a battery run. On a terminal: one live bar (cli-progress) with claims done / total,
 * cases per second, counterexamples so far and the claims running now, on stderr so that stdout
 * keeps only the report. Elsewhere (CI logs, pipes): one plain line per finished claim, printed in
 * catalogue order whatever order the workers finish in, so logs are deterministic apart from ms.
 */
import cliProgress from "cli-progress";
import type { ClaimResult } from "../claims/run.js";

export interface Progress {
  start(total: number): void;
  begin(index: number, id: string): void;
  cases(index: number, cases: number): void;
  end(index: number, r: ClaimResult): void;
  stop(interrupted: boolean): void;
}

/**
 * The display a battery command uses: the live bar when asked (not --no-progress) and stderr is a
 * terminal; else ordered plain lines on `log`, or nothing when stdout carries the JSON or is itself
 * a terminal (the final table is enough there).
 */
export function chooseProgress(wanted: boolean | undefined, toStdout: boolean, log: (s: string) => void): Progress {
  if (wanted !== false && process.stderr.isTTY === true) return ttyProgress();
  return lineProgress(toStdout || process.stdout.isTTY ? () => {} : log);
}

const claimLine = (x: ClaimResult) => `  ${x.id}: ${x.status}${x.cut ? " (cut)" : ""} (${x.cases} cases, ${x.ms} ms)`;

export function lineProgress(log: (s: string) => void): Progress {
  const pending = new Map<number, ClaimResult>();
  let nextToPrint = 0;
  return {
    start() {},
    begin() {},
    cases() {},
    end(index, r) {
      pending.set(index, r);
      while (pending.has(nextToPrint)) {
        const x = pending.get(nextToPrint)!;
        pending.delete(nextToPrint++);
        log(claimLine(x));
      }
    },
    stop(interrupted) {
      // Claims that finished after one still running when the run was interrupted.
      for (const [, x] of [...pending].sort((a, b) => a[0] - b[0])) log(claimLine(x));
      if (interrupted) log("  interrupted: stopping (finished claims are kept and saved)");
    },
  };
}

export function ttyProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: "{bar} {value}/{total} claims | {cases} cases, {rate} cases/s | {cx} counterexample(s) | {running}",
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const running = new Map<number, { id: string; cases: number }>();
  let doneCases = 0;
  let cx = 0;
  let started = 0;
  const payload = () => {
    const live = [...running.values()].reduce((s, r) => s + r.cases, 0);
    const secs = Math.max(0.001, (performance.now() - started) / 1000);
    return { cases: doneCases + live, rate: Math.round((doneCases + live) / secs), cx, running: [...running.values()].map((r) => r.id).join(", ") };
  };
  let value = 0;
  return {
    start(total) {
      started = performance.now();
      bar.start(total, 0, payload());
    },
    begin(index, id) {
      running.set(index, { id, cases: 0 });
      bar.update(value, payload());
    },
    cases(index, n) {
      const r = running.get(index);
      if (r) r.cases = n;
      bar.update(value, payload());
    },
    end(index, r) {
      running.delete(index);
      doneCases += r.cases;
      if (r.status === "counterexample") cx++;
      bar.update(++value, payload());
    },
    stop(interrupted) {
      bar.stop();
      if (interrupted) stream.write("interrupted: stopping (finished claims are kept and saved)\n");
    },
  };
}
