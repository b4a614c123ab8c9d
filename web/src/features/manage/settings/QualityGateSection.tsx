/**
 * The quality gate: whether it runs, the accuracy floor, how much gold before that rule applies, and how many gold
 * misses in a row pause an annotator; the rule in words under the title follows what is typed.
 */
import type { Project } from '../../../api/types';
import { useUpdateProject } from '../queries';
import { useSectionDraft } from './draft';
import { CheckField, Field } from './Field';
import { parsePercent, parseWhole, percentText } from './numbers';
import { SettingsSection } from './SettingsSection';
import { gateSentence } from './words';

/** The server's defaults, for a project whose view has no gate yet. */
const DEFAULT_GATE = { enabled: true, floor: 0.6, minGold: 10, maxFailStreak: 5 };

interface GateValues {
  enabled: boolean;
  floorPercent: string;
  minGold: string;
  maxFailStreak: string;
}

const FIELDS = ['qualityGate.enabled', 'qualityGate.floor', 'qualityGate.minGold', 'qualityGate.maxFailStreak'] as const;

function valuesOf(p: Project): GateValues {
  const g = p.qualityGate ?? DEFAULT_GATE;
  return { enabled: g.enabled, floorPercent: percentText(g.floor), minGold: String(g.minGold), maxFailStreak: String(g.maxFailStreak) };
}

export function QualityGateSection({ project }: { project: Project }) {
  const { draft, setDraft, dirty, saved, markSaved } = useSectionDraft(valuesOf(project));
  const update = useUpdateProject(project.id);
  const set = (patch: Partial<GateValues>) => setDraft({ ...draft, ...patch });

  const floor = parsePercent(draft.floorPercent, { min: 0, max: 100 });
  const minGold = parseWhole(draft.minGold, 1, 100_000);
  const streak = parseWhole(draft.maxFailStreak, 0, 100_000);
  const parsed = 'share' in floor && 'value' in minGold && 'value' in streak ? { enabled: draft.enabled, floor: floor.share, minGold: minGold.value, maxFailStreak: streak.value } : null;
  // The sentence follows the draft while it parses, else the saved policy.
  const words = parsed ?? project.qualityGate ?? DEFAULT_GATE;

  const save = () => {
    if (!parsed) return;
    update.mutate({ qualityGate: parsed }, { onSuccess: (p) => markSaved(valuesOf(p)) });
  };

  return (
    <SettingsSection
      title="Quality gate"
      description={gateSentence(words)}
      saveLabel="Save quality gate"
      valid={parsed !== null}
      dirty={dirty}
      busy={update.isPending}
      saved={saved}
      error={update.error}
      fields={FIELDS}
      onSave={save}
    >
      <CheckField
        label="Pause annotators whose gold accuracy is too low"
        checked={draft.enabled}
        onChange={(enabled) => set({ enabled })}
        error={update.error}
        serverFields={['qualityGate.enabled']}
      />
      <fieldset className="settings-grid plain" disabled={!draft.enabled}>
        <legend className="visually-hidden">Quality gate rules</legend>
        <Field
          label="Accuracy floor (%)"
          hint="Pause when even the optimistic end of the 95% interval is below this"
          problem={'problem' in floor ? floor.problem : undefined}
          error={update.error}
          serverFields={['qualityGate.floor']}
        >
          {(props) => <input {...props} type="number" min={0} max={100} step="any" value={draft.floorPercent} onChange={(e) => set({ floorPercent: e.target.value })} />}
        </Field>
        <Field
          label="Minimum gold items"
          hint="Gold answered before the floor applies"
          problem={'problem' in minGold ? minGold.problem : undefined}
          error={update.error}
          serverFields={['qualityGate.minGold']}
        >
          {(props) => <input {...props} type="number" min={1} max={100000} step={1} value={draft.minGold} onChange={(e) => set({ minGold: e.target.value })} />}
        </Field>
        <Field
          label="Gold misses in a row"
          hint="Pause after this many wrong gold answers in a row; 0 turns this rule off"
          problem={'problem' in streak ? streak.problem : undefined}
          error={update.error}
          serverFields={['qualityGate.maxFailStreak']}
        >
          {(props) => <input {...props} type="number" min={0} max={100000} step={1} value={draft.maxFailStreak} onChange={(e) => set({ maxFailStreak: e.target.value })} />}
        </Field>
      </fieldset>
    </SettingsSection>
  );
}
