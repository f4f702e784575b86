import { act, render } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { useAfterPaint } from '../../../components/dashboard/use-after-paint';

/** Lets the frames, timers and Preact's after-paint effects of the last render all run. */
const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 300)));

describe('useAfterPaint', () => {
  it('never works out figures for inputs a later render has replaced', async () => {
    const computed: number[] = [];
    let change: (n: number) => void = () => {};
    function Figure() {
      const [n, setN] = useState(1);
      change = setN;
      const value = useAfterPaint(() => {
        computed.push(n);
        return n * 10;
      }, [n]);
      return <p>{value === undefined ? 'pending' : String(value)}</p>;
    }
    const { container } = render(<Figure />);
    expect(container.textContent).toBe('pending');
    await settle();
    expect(container.textContent).toBe('10');

    // A filter change, then another once the first one's effect has set its timers: Preact runs that
    // effect's cleanup only after the next paint, so those timers fire after 3 is rendered.
    change(2);
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => setTimeout(resolve, 0), 0)));
    change(3);
    await settle();
    await settle();
    expect(container.textContent).toBe('30');
    // The pass for 2 (hundreds of ms on a year of data) would have held up the frame that shows 3.
    expect(computed).toEqual([1, 3]);
  });
});
