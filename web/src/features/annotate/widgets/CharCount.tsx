/** Characters written against a question's limits, counted as the server counts: after trimming, in UTF-16 units. */
import '../widgets.css';

export interface CharCountProps {
  text: string;
  min?: number;
  max: number;
  id: string;
}

/** The length the server checks. */
export function countedLength(text: string): number {
  return text.trim().length;
}

export function CharCount({ text, min = 0, max, id }: CharCountProps) {
  const length = countedLength(text);
  const over = length > max;
  const under = length > 0 && length < min;
  return (
    <p id={id} className={`char-count ${over || under ? 'invalid' : ''}`}>
      {length.toLocaleString()} / {max.toLocaleString()} characters
      {min > 0 && <span className="muted"> · at least {min.toLocaleString()}</span>}
      {over && <span> · {(length - max).toLocaleString()} too many</span>}
    </p>
  );
}
