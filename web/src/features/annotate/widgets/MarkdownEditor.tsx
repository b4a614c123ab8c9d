/**
 * A Markdown text area with Write / Preview tabs and a character count: the editor of `text` answers and of each
 * new `conversation` turn. The text area stays mounted while previewing, so its native undo history survives.
 */
import { useState } from 'react';
import { Markdown } from '../../../components/Markdown';
import { CharCount, countedLength } from './CharCount';
import { rovingStep } from './roving';
import '../widgets.css';

export interface MarkdownEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** Unique id prefix for the editor's parts. */
  id: string;
  /** Id of the element naming the text area (the question prompt), or a label of its own. */
  labelledBy?: string;
  label?: string;
  placeholder?: string;
  minLength?: number;
  maxLength: number;
  rows?: number;
}

const TABS = ['write', 'preview'] as const;
type Tab = (typeof TABS)[number];

export function MarkdownEditor({ value, onChange, id, labelledBy, label, placeholder, minLength = 0, maxLength, rows = 6 }: MarkdownEditorProps) {
  const [tab, setTab] = useState<Tab>('write');
  const length = countedLength(value);
  const invalid = length > maxLength || (length > 0 && length < minLength);
  return (
    <div className="md-editor">
      <div className="md-tabs" role="tablist" aria-label={label ? `${label}: write or preview` : 'Write or preview'}>
        {TABS.map((t, i) => (
          <button
            key={t}
            id={`${id}-tab-${t}`}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`${id}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              const to = rovingStep(e.key, i, TABS.length, 'horizontal');
              if (to === undefined) return;
              e.preventDefault();
              setTab(TABS[to] as Tab);
              document.getElementById(`${id}-tab-${TABS[to]}`)?.focus();
            }}
          >
            {t === 'write' ? 'Write' : 'Preview'}
          </button>
        ))}
      </div>
      <div id={`${id}-panel-write`} role="tabpanel" aria-labelledby={`${id}-tab-write`} hidden={tab !== 'write'}>
        <textarea
          id={`${id}-input`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-labelledby={label ? undefined : labelledBy}
          aria-label={label}
          aria-describedby={`${id}-count`}
          aria-invalid={invalid}
          placeholder={placeholder}
          rows={rows}
          spellCheck
        />
      </div>
      <div id={`${id}-panel-preview`} role="tabpanel" aria-labelledby={`${id}-tab-preview`} hidden={tab !== 'preview'} className="md-preview" tabIndex={0}>
        {value.trim() ? <Markdown source={value} /> : <p className="muted">Nothing to preview yet.</p>}
      </div>
      <CharCount id={`${id}-count`} text={value} min={minLength} max={maxLength} />
    </div>
  );
}
