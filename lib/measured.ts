/**
 * Runs `work` under a performance measure named `name` (settled promises included), so devtools
 * and `npm run bench` can read how long it took in the real browser.
 */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const end = () => void performance.measure(name, { start, end: performance.now() });
  let result: T;
  try {
    result = work();
  } catch (error) {
    end();
    throw error;
  }
  if (result instanceof Promise) return result.finally(end) as T;
  end();
  return result;
}
