/**
 * Test support for widget component tests: renders one widget for a question parsed as the server stores it,
 * keeps its value in state as the workspace would, and records every onChange.
 */
import { useState } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import { parseTaskSchema } from '@core/schema/parse-schema';
import { validateAnswers } from '@core/schema/validate-answers';
import type { AnswerOf, ItemData, QuestionOf, QuestionType } from '../../../schema';
import { WIDGETS } from './registry';

export interface HarnessOptions<T extends QuestionType> {
  active?: boolean;
  value?: AnswerOf<T>;
}

/** `question` is schema input (defaults are filled by parseTaskSchema); its id is `q`, its prompt "Prompt". */
export function renderWidget<T extends QuestionType>(type: T, question: Record<string, unknown>, item: ItemData, options: HarnessOptions<T> = {}) {
  const schema = parseTaskSchema({ questions: [{ id: 'q', prompt: 'Prompt', type, ...question }] });
  const parsed = schema.questions[0] as QuestionOf<T>;
  const onChange = vi.fn<(value: AnswerOf<T> | undefined) => void>();
  const Widget = WIDGETS[type].Component;

  function Harness({ active }: { active: boolean }) {
    const [value, setValue] = useState(options.value);
    return (
      <div>
        <h2 id="q-q-prompt">Prompt</h2>
        <Widget
          question={parsed}
          item={item}
          value={value}
          onChange={(v) => {
            onChange(v);
            setValue(() => v);
          }}
          active={active}
          idPrefix="q-q"
        />
      </div>
    );
  }

  const user = userEvent.setup();
  const view = render(<Harness active={options.active ?? true} />);
  return {
    ...view,
    user,
    onChange,
    question: parsed,
    /** The value of the last onChange. */
    last: () => onChange.mock.lastCall?.[0],
    /** The last value as the server accepts and normalises it (throws the server's error if it is invalid). */
    accepted: () => validateAnswers(schema, item, { q: onChange.mock.lastCall?.[0] }).q,
  };
}
