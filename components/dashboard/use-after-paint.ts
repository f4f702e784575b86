import { useEffect, useRef, useState } from 'preact/hooks';

/** If the page gets no animation frame (a tab opened in the background), compute anyway after this long. */
const FALLBACK_MS = 200;

const sameInputs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * `compute()` for these inputs, run only after the browser has painted what the render shows now:
 * the figures that matter first reach the screen before the costly ones are worked out. Undefined
 * until the result for the current inputs is there (never a result for earlier inputs). With `when`
 * false it waits (for another stage to be on screen first); the inputs should then include `when`.
 */
export function useAfterPaint<T>(compute: () => T, inputs: readonly unknown[], when = true): T | undefined {
  const [result, setResult] = useState<{ inputs: readonly unknown[]; value: T }>();
  // The inputs of the latest render. Preact runs an effect's cleanup only after the next paint, so a
  // timer set for earlier inputs can still fire after a filter change has been rendered: it must not
  // then spend hundreds of milliseconds on figures nobody will see, ahead of the new frame.
  const latest = useRef<readonly unknown[]>([]);
  latest.current = [...inputs, when];
  useEffect(() => {
    if (!when) return;
    const mine = [...inputs, when];
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      if (!sameInputs(latest.current, mine)) return;
      setResult({ inputs, value: compute() });
    };
    // A frame is the paint; the task after it runs once that paint is on screen.
    const frame = requestAnimationFrame(() => setTimeout(run, 0));
    const fallback = setTimeout(run, FALLBACK_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(fallback);
    };
  }, [...inputs, when]);
  return result && sameInputs(result.inputs, inputs) ? result.value : undefined;
}
