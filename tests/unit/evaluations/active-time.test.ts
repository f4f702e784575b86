import { ActiveTimeMeter, IDLE_AFTER_MS } from '@/lib/evaluations/active-time';

/** A meter on a hand-driven clock, and a script of what the reviewer does. */
function run(steps: [number, 'activity' | 'hide' | 'show'][], { visible = true, until }: { visible?: boolean; until: number }) {
  let now = 0;
  const meter = new ActiveTimeMeter(() => now, visible);
  for (const [at, step] of steps) {
    now = at;
    if (step === 'activity') meter.activity();
    else meter.setVisible(step === 'show');
  }
  now = until;
  return meter.activeSeconds();
}

const s = (seconds: number) => seconds * 1000;

describe('ActiveTimeMeter', () => {
  it.each([
    ['scoring steadily for two minutes', [[s(20), 'activity'], [s(50), 'activity'], [s(80), 'activity'], [s(110), 'activity']], s(120), 120],
    ['reading without touching anything counts for 30 s only', [], s(300), 30],
    ['back from a coffee: the idle spell is not counted', [[s(10), 'activity'], [s(600), 'activity']], s(610), 10 + 30 + 10],
    ['the tab hidden for five minutes', [[s(20), 'hide'], [s(320), 'show']], s(330), 20 + 10],
    ['hidden then idle: neither counts', [[s(5), 'activity'], [s(10), 'hide'], [s(100), 'show']], s(200), 10 + 30],
    ['activity while hidden does not count', [[s(10), 'hide'], [s(20), 'activity'], [s(40), 'activity']], s(60), 10],
  ] as const)('%s', (_, steps, until, seconds) => {
    expect(run(steps as unknown as [number, 'activity' | 'hide' | 'show'][], { until })).toBe(seconds);
  });

  it('starts paused when the panel opens in a hidden tab', () => {
    expect(run([[s(60), 'show']], { visible: false, until: s(70) })).toBe(10);
  });

  it('pauses exactly at the idle limit and resets to zero after a submission', () => {
    let now = 0;
    const meter = new ActiveTimeMeter(() => now, true);
    now = IDLE_AFTER_MS + 5_000;
    expect(meter.activeMs()).toBe(IDLE_AFTER_MS);
    meter.reset();
    now += 7_000;
    expect(meter.activeSeconds()).toBe(7);
  });
});
