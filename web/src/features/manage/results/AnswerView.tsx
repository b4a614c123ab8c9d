/**
 * An annotator's (or the gold) answer in the item's page: free text — a writing answer, a rationale, a rubric's
 * comments, a conversation's turns — as rendered, sanitised Markdown (components/Markdown.tsx), since that is how the
 * annotator wrote it; every other type as its one-line summary.
 */
import { Markdown } from '../../../components/Markdown';
import type { ItemData, Question } from '../../../schema';
import { summariseAnswer } from './summaries';

interface Turn {
  role?: string;
  content?: string;
}

export function AnswerView({ question, value, item }: { question: Question; value: unknown; item: ItemData }) {
  if (question.type === 'text' && typeof value === 'string' && value.trim() !== '') return <Markdown source={value} className="results-free-text" images={false} />;
  if (question.type === 'conversation' && Array.isArray(value) && value.length > 0) {
    return (
      <ol className="results-turns">
        {(value as Turn[]).map((t, i) => (
          <li key={i}>
            <span className="results-turn-role">{t.role ?? 'turn'}</span>
            <Markdown source={t.content ?? ''} className="results-free-text" images={false} />
          </li>
        ))}
      </ol>
    );
  }
  if (question.type === 'rubric') {
    const comments = (value as { comments?: Record<string, string> } | null)?.comments;
    const written = question.criteria.filter((c) => comments?.[c.id]);
    return (
      <>
        {summariseAnswer(question, value, item)}
        {written.length > 0 && (
          <dl className="results-rubric-comments">
            {written.map((c) => (
              <div key={c.id}>
                <dt>{c.label}</dt>
                <dd>
                  <Markdown source={comments![c.id]!} className="results-free-text" images={false} />
                </dd>
              </div>
            ))}
          </dl>
        )}
      </>
    );
  }
  return <>{summariseAnswer(question, value, item)}</>;
}
