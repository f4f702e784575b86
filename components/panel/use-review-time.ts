import { useEffect, useMemo } from 'preact/hooks';
import { ActiveTimeMeter } from '@/lib/evaluations/active-time';

/** Signs that the reviewer is at work in the panel. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'scroll', 'input', 'focusin'] as const;

/**
 * The active time the reviewer spends in this panel: counted while the panel is visible and in
 * use, paused when its tab is hidden or nothing happened for 30 s. `clock` is the client's.
 */
export function useReviewTime(clock: () => number): ActiveTimeMeter {
  const meter = useMemo(() => new ActiveTimeMeter(clock, document.visibilityState === 'visible'), [clock]);
  useEffect(() => {
    const onActivity = () => meter.activity();
    const onVisibility = () => meter.setVisible(document.visibilityState === 'visible');
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [meter]);
  return meter;
}
