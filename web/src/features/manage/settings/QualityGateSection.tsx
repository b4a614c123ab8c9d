/**
 * The quality gate: whether it runs, the accuracy floor, how much gold before that rule applies, and how many gold
 * misses in a row pause an annotator; the rule in words under the title follows what is typed.
 */
import type { Project } from '../../../api/types';
import { useUpdateProject } from '../queries';
import { useSectionForm } from './draft';
import { CheckField, NumberField } from './Field';
import { parsePercent, parseWhole, percentText, problemOf } from './numbers';
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
  const { draft, set, save, section } = useSectionForm(valuesOf(project), useUpdateProject(project.id), valuesOf);

  const floor = parsePercent(draft.floorPercent, { min: 0, max: 100 });
  const minGold = parseWhole(draft.minGold, 1, 100_000);
  const streak = parseWhole(draft.maxFailStreak, 0, 100_000);
  const parsed = 'share' in floor && 'value' in minGold && 'value' in streak ? { enabled: draft.enabled, floor: floor.share, minGold: minGold.value, maxFailStreak: streak.value } : null;
  // The sentence follows the draft while it parses, else the saved policy.
  const words = parsed ?? project.qualityGate ?? DEFAULT_GATE;

  return (
    <SettingsSection
      title="Quality gate"
      description={gateSentence(words)}
      saveLabel="Save quality gate"
      valid={parsed !== null}
      {...section}
      fields={FIELDS}
      onSave={() => save(parsed && { qualityGate: parsed })}
    >
      <CheckField label="Pause annotators whose gold accuracy is too low" checked={draft.enabled} onChange={(enabled) => set({ enabled })} serverFields={['qualityGate.enabled']} />
      <fieldset className="settings-grid plain" disabled={!draft.enabled}>
        <legend className="visually-hidden">Quality gate rules</legend>
        <NumberField
          label="Accuracy floor (%)"
          hint="Pause when even the optimistic end of the 95% interval is below this"
          problem={problemOf(floor)}
          serverFields={['qualityGate.floor']}
          min={0}
          max={100}
          step="any"
          value={draft.floorPercent}
          onChange={(floorPercent) => set({ floorPercent })}
        />
        <NumberField
          label="Minimum gold items"
          hint="Gold answered before the floor applies"
          problem={problemOf(minGold)}
          serverFields={['qualityGate.minGold']}
          min={1}
          max={100000}
          value={draft.minGold}
          onChange={(minGold) => set({ minGold })}
        />
        <NumberField
          label="Gold misses in a row"
          hint="Pause after this many wrong gold answers in a row; 0 turns this rule off"
          problem={problemOf(streak)}
          serverFields={['qualityGate.maxFailStreak']}
          min={0}
          max={100000}
          value={draft.maxFailStreak}
          onChange={(maxFailStreak) => set({ maxFailStreak })}
        />
      </fieldset>
    </SettingsSection>
  );
}
