/**
 * Overlap: fixed (k judgments per item) or adaptive (start at k, add one while the aggregate's confidence is under
 * τ, stop at k_max). k_max and τ show only for adaptive overlap; the sentence under the title says what the typed
 * policy does, and a warning says what changing k does to items already labelled.
 */
import { useId } from 'react';
import type { Project } from '../../../api/types';
import type { ProjectPatch } from '../queries';
import { NumberField, serverMessage } from './Field';
import { useBody, usePart } from './form';
import { parsePercent, parseWhole, percentText, problemOf } from './numbers';
import { FormSection } from './SettingsSection';
import { overlapSentence } from './words';

type OverlapMode = NonNullable<Project['overlapMode']>;

interface OverlapValues {
  mode: OverlapMode;
  k: string;
  kMax: string;
  tauPercent: string;
}

const FIELDS = ['overlapMode', 'overlapK', 'overlapKMax', 'overlapTau'] as const;

function valuesOf(p: Project): OverlapValues {
  return { mode: p.overlapMode ?? 'fixed', k: String(p.overlapK ?? 1), kMax: String(p.overlapKMax ?? 5), tauPercent: percentText(p.overlapTau ?? 0.9) };
}

export function OverlapSection({ project }: { project: Project }) {
  const id = useId();
  const { draft, set, dirty } = usePart('overlap', 'Overlap', valuesOf(project));
  const adaptive = draft.mode === 'adaptive';

  const k = parseWhole(draft.k, 1, 100);
  const kMaxParsed = parseWhole(draft.kMax, 1, 100);
  const kMax = 'value' in kMaxParsed && 'value' in k && kMaxParsed.value < k.value ? { problem: `At least the starting judgments (${k.value})` } : kMaxParsed;
  const tau = parsePercent(draft.tauPercent, { min: 50, max: 100, above: true });
  const valid = 'value' in k && (!adaptive || ('value' in kMax && 'share' in tau));

  const patch = (): ProjectPatch | null => {
    if (!('value' in k)) return null;
    if (!adaptive) return { overlapMode: 'fixed', overlapK: k.value };
    if (!('value' in kMax) || !('share' in tau)) return null;
    return { overlapMode: 'adaptive', overlapK: k.value, overlapKMax: kMax.value, overlapTau: tau.share };
  };
  const words = valid
    ? { mode: draft.mode, k: (k as { value: number }).value, kMax: 'value' in kMax ? kMax.value : 5, tau: 'share' in tau ? tau.share : 0.9 }
    : { mode: project.overlapMode ?? 'fixed', k: project.overlapK ?? 1, kMax: project.overlapKMax ?? 5, tau: project.overlapTau ?? 0.9 };
  const kChanged = 'value' in k && k.value !== project.overlapK;
  const error = useBody('overlap', { title: 'Overlap', target: 'project', fields: FIELDS, body: patch() });
  const modeError = serverMessage(error, ['overlapMode']);

  return (
    <FormSection title="Overlap" description={overlapSentence(words)} dirty={dirty} error={error}>
      <fieldset className="plain radio-row" aria-describedby={modeError ? `${id}-mode-error` : undefined}>
        <legend>Overlap mode</legend>
        <label className="inline-check">
          <input type="radio" name={`${id}-mode`} value="fixed" checked={!adaptive} onChange={() => set({ mode: 'fixed' })} /> Fixed
        </label>
        <label className="inline-check">
          <input type="radio" name={`${id}-mode`} value="adaptive" checked={adaptive} onChange={() => set({ mode: 'adaptive' })} /> Adaptive: more while uncertain
        </label>
        {modeError && (
          <span id={`${id}-mode-error`} className="input-error" role="alert">
            {modeError}
          </span>
        )}
      </fieldset>
      <div className="settings-grid">
        <NumberField
          label={adaptive ? 'Starting judgments (k)' : 'Judgments per item (k)'}
          hint={adaptive ? 'Every item gets at least this many' : 'Each from a different annotator'}
          problem={problemOf(k)}
          serverFields={['overlapK']}
          min={1}
          max={100}
          value={draft.k}
          onChange={(k) => set({ k })}
        />
        {adaptive && (
          <>
            <NumberField
              label="Most judgments (k max)"
              hint="No item gets more than this"
              problem={problemOf(kMax)}
              serverFields={['overlapKMax']}
              min={1}
              max={100}
              value={draft.kMax}
              onChange={(kMax) => set({ kMax })}
            />
            <NumberField
              label="Confidence to stop at (τ, %)"
              hint="An item whose aggregate is at least this confident needs no more judgments"
              problem={problemOf(tau)}
              serverFields={['overlapTau']}
              min={50}
              max={100}
              step="any"
              value={draft.tauPercent}
              onChange={(tauPercent) => set({ tauPercent })}
            />
          </>
        )}
      </div>
      {kChanged && (
        <p className="status warn small">
          Changing k from {project.overlapK} reopens items that now need more judgments, or completes those that have enough.
        </p>
      )}
    </FormSection>
  );
}
