/**
 * A proportion with its interval as a small inline error bar on a 0–100% track: a line from the lower to the upper
 * bound with end ticks and a dot at the estimate. The picture is decoration; the figures are written beside it.
 */
const H = 14;

/** `width`: the track's length in px (100 by default; 56 where a table's columns must fit a laptop screen). */
export function ErrorBar({ value, lower, upper, width: W = 100 }: { value: number; lower: number; upper: number; width?: number }) {
  const x = (p: number) => Math.min(W, Math.max(0, p * W));
  const mid = H / 2;
  return (
    <svg className="error-bar" viewBox={`-3 0 ${W + 6} ${H}`} width={W + 6} height={H} aria-hidden="true" focusable="false">
      <line className="error-bar-track" x1={0} x2={W} y1={mid} y2={mid} />
      <line className="error-bar-half" x1={W / 2} x2={W / 2} y1={mid - 3} y2={mid + 3} />
      <line className="error-bar-interval" x1={x(lower)} x2={x(upper)} y1={mid} y2={mid} />
      <line className="error-bar-interval" x1={x(lower)} x2={x(lower)} y1={mid - 4} y2={mid + 4} />
      <line className="error-bar-interval" x1={x(upper)} x2={x(upper)} y1={mid - 4} y2={mid + 4} />
      <circle className="error-bar-value" cx={x(value)} cy={mid} r={3.2} />
    </svg>
  );
}
