/**
 * The quality gate: whether it runs, the accuracy floor an annotator must keep, and (rarely needed) a guesser's
 * chance of a right gold answer when the schema's options mislead (empty: from the schema). The pause rules are
 * derived from them; the sentence under the title says the rule for what is typed, with its error rates, and where a
 * guesser cannot be caught within 20 gold items.
 */
import type { Project } from '../../../api/types';
import { useQualityGates } from '../quality/queries';
import { CheckField, NumberField } from './Field';
import { useBody, usePart } from './form';
import { parsePercent, percentText, problemOf } from './numbers';
import { FormSection } from './SettingsSection';
import { gateSentence } from './words';

/** The server's defaults, for a project whose view has no gate yet. */
const DEFAULT_GATE = { enabled: true, floor: 0.6, chance: null };

interface GateValues {
  enabled: boolean;
  floorPercent: string;
  chancePercent: string;
}

const FIELDS = ['qualityGate.enabled', 'qualityGate.floor', 'qualityGate.chance'] as const;

function valuesOf(p: Project): GateValues {
  const g = p.qualityGate ?? DEFAULT_GATE;
  return { enabled: g.enabled, floorPercent: percentText(g.floor), chancePercent: percentText(g.chance) };
}

export function QualityGateSection({ project }: { project: Project }) {
  const { draft, set, dirty } = usePart('gate', 'Quality gate', valuesOf(project));
  const schemaChance = useQualityGates(project.id).data?.rule.schemaChance;

  const floor = parsePercent(draft.floorPercent, { min: 0, max: 100 });
  const chance = draft.chancePercent.trim() === '' ? { share: null } : parsePercent(draft.chancePercent, { min: 0, max: 100, above: true });
  const chanceOk = 'share' in chance && (chance.share === null || chance.share < 1);
  const parsed = 'share' in floor && chanceOk ? { enabled: draft.enabled, floor: floor.share, chance: chance.share } : null;
  // The sentence follows the draft while it parses, else the saved policy.
  const words = gateSentence(parsed ?? project.qualityGate ?? DEFAULT_GATE, schemaChance) ?? 'Deriving the rule from the floor…';
  const schemaHint = schemaChance === undefined ? '' : ` (the schema's options: ${Math.round(schemaChance * 1000) / 10}%)`;

  const error = useBody('gate', { title: 'Quality gate', target: 'project', fields: FIELDS, body: parsed && { qualityGate: parsed } });

  return (
    <FormSection title="Quality gate" description={words} dirty={dirty} error={error}>
      <CheckField label="Pause annotators whose gold accuracy is too low" checked={draft.enabled} onChange={(enabled) => set({ enabled })} serverFields={['qualityGate.enabled']} />
      <fieldset className="settings-grid plain" disabled={!draft.enabled}>
        <legend className="visually-hidden">Quality gate rules</legend>
        <NumberField
          label="Accuracy floor (%)"
          hint="The accuracy an annotator must keep; the pause rules follow from it"
          problem={problemOf(floor)}
          serverFields={['qualityGate.floor']}
          min={0}
          max={100}
          step="any"
          value={draft.floorPercent}
          onChange={(floorPercent) => set({ floorPercent })}
        />
        <NumberField
          label="Chance of a right guess (%)"
          hint={`Leave empty to take it from the schema${schemaHint}`}
          problem={'problem' in chance ? chance.problem : chanceOk ? undefined : 'Must be below 100%'}
          serverFields={['qualityGate.chance']}
          min={0}
          max={100}
          step="any"
          value={draft.chancePercent}
          onChange={(chancePercent) => set({ chancePercent })}
        />
      </fieldset>
    </FormSection>
  );
}
