import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

interface UPlotChartProps {
  /** The chart's accessible name: what it shows. Its table alternative carries the numbers. */
  label: string;
  /** Memoise options and data in the caller: a new object redraws the chart. */
  options: ChartOptions;
  data: uPlot.AlignedData;
  height?: number;
  /** Called with the data index nearest the pointer when the chart is clicked. */
  onPick?: (index: number) => void;
}

export const CHART_COLOURS = { primary: '#3b3bb3', secondary: '#b4481b', tertiary: '#217a3c' } as const;

/** Canvas drawing is missing in DOM emulations (happy-dom); the table alternative stands in there. */
const canDraw = () => document.createElement('canvas').getContext('2d') !== null;

/** A uPlot chart in a labelled image role; the legend is off because every chart has a table. */
export function UPlotChart({ label, options, data, height = 240, onPick }: UPlotChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const element = box.current;
    if (!element || !canDraw()) return;
    const width = () => Math.max(element.clientWidth, 280);
    const chart = new uPlot({ ...options, legend: { show: false }, width: width(), height }, data, element);
    const onClick = () => {
      const index = chart.cursor.idx;
      if (index !== null && index !== undefined) pick.current?.(index);
    };
    chart.over.addEventListener('click', onClick);
    const resize = new ResizeObserver(() => chart.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.over.removeEventListener('click', onClick);
      chart.destroy();
    };
  }, [options, data, height]);

  return <div ref={box} class="chart" role="img" aria-label={label} />;
}
