/** With no input for this long the reviewer is taken to be away, and the meter stops. */
export const IDLE_AFTER_MS = 30_000;

/**
 * Active time on an evaluation. Time counts while the panel is visible and the reviewer has done
 * something (typed, clicked, scrolled) within the last 30 s; reading counts for those 30 s, then
 * the meter waits for the next sign of life. The clock is passed in, so tests drive it.
 */
export class ActiveTimeMeter {
  private totalMs = 0;
  /** Start of the segment being counted, or null while hidden. */
  private since: number | null;
  private lastActivity: number;

  constructor(
    private readonly clock: () => number,
    visible: boolean,
  ) {
    const now = clock();
    this.since = visible ? now : null;
    this.lastActivity = now;
  }

  /** The reviewer did something: resumes counting after an idle spell. */
  activity(): void {
    const now = this.clock();
    if (this.since !== null && now - this.lastActivity > IDLE_AFTER_MS) {
      this.closeSegment(now);
      this.since = now;
    }
    this.lastActivity = now;
  }

  /** The panel or its tab was shown or hidden. Being shown counts as activity. */
  setVisible(visible: boolean): void {
    const now = this.clock();
    if (!visible && this.since !== null) {
      this.closeSegment(now);
      this.since = null;
    } else if (visible && this.since === null) {
      this.since = now;
      this.lastActivity = now;
    }
  }

  /** Starts again from zero, e.g. after the evaluation was submitted. */
  reset(): void {
    const now = this.clock();
    this.totalMs = 0;
    if (this.since !== null) this.since = now;
    this.lastActivity = now;
  }

  activeMs(): number {
    const now = this.clock();
    return this.totalMs + (this.since === null ? 0 : this.segmentMs(now));
  }

  activeSeconds(): number {
    return Math.floor(this.activeMs() / 1000);
  }

  private segmentMs(now: number): number {
    const end = Math.min(now, this.lastActivity + IDLE_AFTER_MS);
    return Math.max(0, end - (this.since ?? end));
  }

  private closeSegment(now: number): void {
    this.totalMs += this.segmentMs(now);
  }
}
