/**
 * Routing: which annotators are served this project's items, by the domain their profile names and the skill
 * measured in it (qualifications and gold; shown and typed as a percentage).
 */
import type { Project } from '../../../api/types';
import { Field, NumberField } from './Field';
import { useBody, usePart } from './form';
import { parsePercent, percentText, problemOf } from './numbers';
import { FormSection } from './SettingsSection';

/** The server's rule for a domain: lowercase segments joined by "/", at most 100 characters. */
const DOMAIN = /^[a-z0-9_-]+(\/[a-z0-9_-]+)*$/;

interface RoutingValues {
  domain: string;
  minSkillPercent: string;
}

const FIELDS = ['domain', 'minSkill'] as const;

const valuesOf = (p: Project): RoutingValues => ({ domain: p.domain ?? '', minSkillPercent: percentText(p.minSkill ?? 0) });

function domainProblem(text: string): string | undefined {
  const d = text.trim();
  if (d === '') return undefined;
  if (d.length > 100 || !DOMAIN.test(d)) return 'A lowercase path such as medicine/cardiology (a-z, 0-9, _ and -, segments joined by /)';
  return undefined;
}

function routingSentence(domain: string, minSkill: number | null): string {
  if (domain === '') return 'Any annotator may be served this project, whatever the domains in their profile.';
  const skill = minSkill ? ` and whose skill measured there is at least ${Math.round(minSkill * 1000) / 10}%` : '';
  return `Only annotators whose profile includes ${domain} (or a field under it, such as ${domain}/…)${skill} are served this project.`;
}

export function RoutingSection({ project }: { project: Project }) {
  const { draft, set, dirty } = usePart('routing', 'Routing', valuesOf(project));
  const domain = domainProblem(draft.domain);
  const skill = parsePercent(draft.minSkillPercent, { min: 0, max: 100 });
  const valid = !domain && 'share' in skill;

  const body = valid ? { domain: draft.domain.trim() === '' ? null : draft.domain.trim(), minSkill: skill.share } : null;
  const error = useBody('routing', { title: 'Routing', target: 'project', fields: FIELDS, body });

  return (
    <FormSection
      title="Routing"
      description={valid ? routingSentence(draft.domain.trim(), skill.share) : routingSentence(project.domain ?? '', project.minSkill ?? 0)}
      dirty={dirty}
      error={error}
    >
      <div className="settings-grid">
        <Field label="Required domain" hint="e.g. medicine/cardiology; empty: any annotator" problem={domain} serverFields={['domain']}>
          {(props) => (
            <input {...props} type="text" value={draft.domain} spellCheck={false} autoCapitalize="off" placeholder="medicine/cardiology" onChange={(e) => set({ domain: e.target.value })} />
          )}
        </Field>
        <NumberField
          label="Minimum measured skill (%)"
          hint="Accuracy measured in the domain by qualifications and gold; 0: none"
          problem={problemOf(skill)}
          serverFields={['minSkill']}
          min={0}
          max={100}
          step="any"
          value={draft.minSkillPercent}
          onChange={(minSkillPercent) => set({ minSkillPercent })}
        />
      </div>
    </FormSection>
  );
}
