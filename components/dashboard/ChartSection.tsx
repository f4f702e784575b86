import type { ComponentChildren } from 'preact';

interface ChartSectionProps {
  id: string;
  title: string;
  /** Controls beside the title (the trend's grain). */
  controls?: ComponentChildren;
  /** The chart, if the figure has one; the table below always carries the same numbers. */
  chart?: ComponentChildren;
  /** Shown instead of chart and table when there is nothing to report. */
  empty?: string | undefined;
  children: ComponentChildren;
}

/**
 * One report: heading, chart and its table alternative. With a chart the table sits in a
 * "Show as table" disclosure; without one (tables by nature) it is shown as is.
 */
export function ChartSection({ id, title, controls, chart, empty, children }: ChartSectionProps) {
  return (
    <section class="report" aria-labelledby={`${id}-heading`}>
      <div class="report-heading">
        <h3 id={`${id}-heading`}>{title}</h3>
        {controls}
      </div>
      {empty ? (
        <p class="muted">{empty}</p>
      ) : chart ? (
        <>
          {chart}
          <details class="table-alternative">
            <summary>Show as table</summary>
            {children}
          </details>
        </>
      ) : (
        children
      )}
    </section>
  );
}
