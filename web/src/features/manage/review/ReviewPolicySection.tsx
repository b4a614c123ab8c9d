/**
 * The Settings tab's review section: which annotations go to review (a random share, each annotator's first n,
 * flagged items, items whose aggregate is not confident enough). The policy is its own resource (PUT
 * /projects/{id}/review-policy), saved apart from the project's settings, and applies at once to all work not yet
 * reviewed; the Settings tab's one Save sends it after the project's settings.
 */
import type { Project } from '../../../api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { CheckField, NumberField } from '../settings/Field';
import { useBody, usePart } from '../settings/form';
import { parsePercent, parseWhole, percentText, problemOf } from '../settings/numbers';
import { FormSection } from '../settings/SettingsSection';
import { reviewPolicySentence } from './policy-words';
import { useReviewPolicy, type ReviewPolicy } from './queries';

interface PolicyValues {
  samplePercent: string;
  firstN: string;
  flagged: boolean;
  lowConfidenceOn: boolean;
  lowConfidencePercent: string;
  gold: boolean;
}

const FIELDS = ['sampleRate', 'firstN', 'flagged', 'lowConfidence', 'gold'] as const;

function valuesOf(p: ReviewPolicy): PolicyValues {
  return {
    samplePercent: percentText(p.sampleRate),
    firstN: String(p.firstN),
    flagged: p.flagged,
    lowConfidenceOn: p.lowConfidence !== null,
    lowConfidencePercent: percentText(p.lowConfidence ?? 0.7),
    gold: p.gold ?? false,
  };
}

export function ReviewPolicySection({ project }: { project: Project }) {
  const policy = useReviewPolicy(project.id);
  if (policy.isPending) return <Loading label="Loading the review policy" />;
  if (policy.isError) return <ErrorMessage error={policy.error} title="The review policy could not be loaded" />;
  return <PolicyForm policy={policy.data} />;
}

function PolicyForm({ policy }: { policy: ReviewPolicy }) {
  const { draft, set, dirty } = usePart('review', 'Review', valuesOf(policy));

  const sample = parsePercent(draft.samplePercent, { min: 0, max: 100 });
  const firstN = parseWhole(draft.firstN, 0, 100_000);
  const low = draft.lowConfidenceOn ? parsePercent(draft.lowConfidencePercent, { min: 0, max: 100, above: true }) : { share: null };
  const parsed: ReviewPolicy | null =
    'share' in sample && 'value' in firstN && 'share' in low ? { sampleRate: sample.share, firstN: firstN.value, flagged: draft.flagged, lowConfidence: low.share, gold: draft.gold } : null;

  const body = parsed && { sampleRate: parsed.sampleRate, firstN: parsed.firstN, flagged: parsed.flagged, lowConfidence: parsed.lowConfidence, gold: parsed.gold };
  const error = useBody('review', { title: 'Review', target: 'review', fields: FIELDS, body });

  return (
    <FormSection title="Review" description={reviewPolicySentence(parsed ?? policy)} dirty={dirty} error={error}>
      <div className="settings-grid">
        <NumberField
          label="First annotations per annotator"
          hint="Each annotator's first n annotations here are all reviewed; 0: none"
          problem={problemOf(firstN)}
          serverFields={['firstN']}
          min={0}
          max={100000}
          value={draft.firstN}
          onChange={(firstN) => set({ firstN })}
        />
        <NumberField
          label="Sample rate (%)"
          hint="A random share of all annotations, whoever made them"
          problem={problemOf(sample)}
          serverFields={['sampleRate']}
          min={0}
          max={100}
          step="any"
          value={draft.samplePercent}
          onChange={(samplePercent) => set({ samplePercent })}
        />
      </div>
      <CheckField
        label="Review every annotation of a flagged item"
        hint="Managers flag an item from its page in Results; annotators can flag items they were given through the API"
        checked={draft.flagged}
        onChange={(flagged) => set({ flagged })}
        serverFields={['flagged']}
      />
      <CheckField
        label="Review the annotations of items whose aggregated answer is not confident enough"
        checked={draft.lowConfidenceOn}
        onChange={(lowConfidenceOn) => set({ lowConfidenceOn })}
      />
      {draft.lowConfidenceOn && (
        <NumberField
          className="indented narrow"
          label="Confidence under (%)"
          hint="Items whose aggregate's confidence is below this"
          problem={problemOf(low)}
          serverFields={['lowConfidence']}
          min={0}
          max={100}
          step="any"
          value={draft.lowConfidencePercent}
          onChange={(lowConfidencePercent) => set({ lowConfidencePercent })}
        />
      )}
      <CheckField
        label="Send gold items to review too, with their gold answers shown to reviewers"
        hint="Off: gold items never reach a reviewer, so no reviewer learns which items are gold. Annotators never see a review of a gold item either way"
        checked={draft.gold}
        onChange={(gold) => set({ gold })}
        serverFields={['gold']}
      />
    </FormSection>
  );
}
