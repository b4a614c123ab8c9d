/**
 * The thresholds of the effort and fraud signals as a settings section (its own resource, PUT
 * /projects/{id}/signal-policy), built from the Settings tab's pieces: a field per threshold grouped by kind, each
 * checked while typing against the server's limits, the server's 400 shown at the field it names, "Saved."
 * announced. Shares are typed as percentages; the binomial p-value as a decimal.
 */
import { useSectionForm } from '../settings/draft';
import { CheckField, NumberField } from '../settings/Field';
import { parsePercent, parseWhole, percentText, problemOf } from '../settings/numbers';
import { SettingsSection } from '../settings/SettingsSection';
import '../settings/settings.css';
import { useSetSignalPolicy } from './queries';
import { SIGNAL_KIND_LABELS } from './signal-words';
import type { SignalPolicy, SignalPolicyView } from './types';

interface PolicyValues {
  tooFastPercent: string;
  tooFastMinOthers: string;
  pastedPercent: string;
  duplicatePercent: string;
  duplicateMinWords: string;
  straightPercent: string;
  straightAlpha: string;
  straightMinN: string;
  /** Follow the quality gate's streak (goldFailStreak null). */
  streakFromGate: boolean;
  goldFailStreak: string;
}

const FIELDS = [
  'tooFastRatio',
  'tooFastMinOthers',
  'pastedShare',
  'duplicateJaccard',
  'duplicateMinWords',
  'straightShare',
  'straightAlpha',
  'straightMinN',
  'goldFailStreak',
] as const satisfies readonly (keyof SignalPolicy)[];

function valuesOf(p: SignalPolicy): PolicyValues {
  return {
    tooFastPercent: percentText(p.tooFastRatio),
    tooFastMinOthers: String(p.tooFastMinOthers),
    pastedPercent: percentText(p.pastedShare),
    duplicatePercent: percentText(p.duplicateJaccard),
    duplicateMinWords: String(p.duplicateMinWords),
    straightPercent: percentText(p.straightShare),
    straightAlpha: String(p.straightAlpha),
    straightMinN: String(p.straightMinN),
    streakFromGate: p.goldFailStreak === null,
    goldFailStreak: String(p.goldFailStreak ?? 5),
  };
}

/** A p-value strictly between 0 and 1, typed as a decimal ("0.001", "1e-3"), or a problem. */
export function parseAlpha(text: string): { share: number } | { problem: string } {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || !(n > 0 && n < 1)) return { problem: 'A number above 0 and below 1, e.g. 0.001' };
  return { share: n };
}

/** Each field's parse, and the body to send: null while any field does not parse (each field says why). */
function parse(d: PolicyValues) {
  const share = (text: string) => parsePercent(text, { min: 0, max: 100, above: true });
  const tooFastRatio = share(d.tooFastPercent);
  const tooFastMinOthers = parseWhole(d.tooFastMinOthers, 1, 1000);
  const pastedShare = share(d.pastedPercent);
  const duplicateJaccard = share(d.duplicatePercent);
  const duplicateMinWords = parseWhole(d.duplicateMinWords, 3, 10_000);
  const straightShare = share(d.straightPercent);
  const straightAlpha = parseAlpha(d.straightAlpha);
  const straightMinN = parseWhole(d.straightMinN, 1, 100_000);
  const goldFailStreak = d.streakFromGate ? { value: null } : parseWhole(d.goldFailStreak, 0, 100_000);
  const problems: Record<keyof SignalPolicy, string | undefined> = {
    tooFastRatio: problemOf(tooFastRatio),
    tooFastMinOthers: problemOf(tooFastMinOthers),
    pastedShare: problemOf(pastedShare),
    duplicateJaccard: problemOf(duplicateJaccard),
    duplicateMinWords: problemOf(duplicateMinWords),
    straightShare: problemOf(straightShare),
    straightAlpha: problemOf(straightAlpha),
    straightMinN: problemOf(straightMinN),
    goldFailStreak: 'problem' in goldFailStreak ? goldFailStreak.problem : undefined,
  };
  const body: SignalPolicy | null =
    'share' in tooFastRatio &&
    'value' in tooFastMinOthers &&
    'share' in pastedShare &&
    'share' in duplicateJaccard &&
    'value' in duplicateMinWords &&
    'share' in straightShare &&
    'share' in straightAlpha &&
    'value' in straightMinN &&
    'value' in goldFailStreak
      ? {
          tooFastRatio: tooFastRatio.share,
          tooFastMinOthers: tooFastMinOthers.value,
          pastedShare: pastedShare.share,
          duplicateJaccard: duplicateJaccard.share,
          duplicateMinWords: duplicateMinWords.value,
          straightShare: straightShare.share,
          straightAlpha: straightAlpha.share,
          straightMinN: straightMinN.value,
          goldFailStreak: goldFailStreak.value,
        }
      : null;
  return { problems, body };
}

export function SignalPolicySection({ projectId, policy }: { projectId: string; policy: SignalPolicyView }) {
  const { draft, set, save, section } = useSectionForm(valuesOf(policy), useSetSignalPolicy(projectId), valuesOf);
  const { problems, body } = parse(draft);
  const problem = (k: keyof SignalPolicy) => problems[k];

  return (
    <SettingsSection
      title="Signal thresholds"
      description={
        policy.updatedAt === null
          ? 'The defaults apply until you change them. New thresholds apply at once to every annotation, old and new.'
          : 'New thresholds apply at once to every annotation, old and new.'
      }
      saveLabel="Save thresholds"
      valid={body !== null}
      {...section}
      fields={FIELDS}
      onSave={() => save(body)}
    >
      <fieldset className="plain">
        <legend>{SIGNAL_KIND_LABELS.too_fast}</legend>
        <div className="settings-grid">
          <NumberField
            label="Time under (% of the medians)"
            hint="Of the item's median and of the annotator's own"
            problem={problem('tooFastRatio')}
            serverFields={['tooFastRatio']}
            min={0}
            max={100}
            step="any"
            value={draft.tooFastPercent}
            onChange={(tooFastPercent) => set({ tooFastPercent })}
          />
          <NumberField
            label="Other annotations for an item's median"
            hint="Fewer: the project's median stands in"
            problem={problem('tooFastMinOthers')}
            serverFields={['tooFastMinOthers']}
            min={1}
            max={1000}
            value={draft.tooFastMinOthers}
            onChange={(tooFastMinOthers) => set({ tooFastMinOthers })}
          />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend>{SIGNAL_KIND_LABELS.pasted}</legend>
        <div className="settings-grid">
          <NumberField
            label="Pasted share at least (%)"
            hint="Pasted characters over the length of the free-text answers"
            problem={problem('pastedShare')}
            serverFields={['pastedShare']}
            min={0}
            max={100}
            step="any"
            value={draft.pastedPercent}
            onChange={(pastedPercent) => set({ pastedPercent })}
          />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend>{SIGNAL_KIND_LABELS.near_duplicate}</legend>
        <div className="settings-grid">
          <NumberField
            label="Similarity at least (%)"
            hint="Estimated Jaccard similarity with another annotator's text"
            problem={problem('duplicateJaccard')}
            serverFields={['duplicateJaccard']}
            min={0}
            max={100}
            step="any"
            value={draft.duplicatePercent}
            onChange={(duplicatePercent) => set({ duplicatePercent })}
          />
          <NumberField
            label="Words at least"
            hint="Shorter texts are not compared"
            problem={problem('duplicateMinWords')}
            serverFields={['duplicateMinWords']}
            min={3}
            max={10000}
            value={draft.duplicateMinWords}
            onChange={(duplicateMinWords) => set({ duplicateMinWords })}
          />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend>{SIGNAL_KIND_LABELS.straight_lining}</legend>
        <div className="settings-grid">
          <NumberField
            label="Same answer at least (%)"
            hint="Share of the annotator's answers to a label question"
            problem={problem('straightShare')}
            serverFields={['straightShare']}
            min={0}
            max={100}
            step="any"
            value={draft.straightPercent}
            onChange={(straightPercent) => set({ straightPercent })}
          />
          <NumberField
            label="Binomial p under"
            hint="Against the other annotators' share of that answer"
            problem={problem('straightAlpha')}
            serverFields={['straightAlpha']}
            min={0}
            max={1}
            step="any"
            value={draft.straightAlpha}
            onChange={(straightAlpha) => set({ straightAlpha })}
          />
          <NumberField
            label="Answers at least"
            hint="Answers to the question before it is judged"
            problem={problem('straightMinN')}
            serverFields={['straightMinN']}
            min={1}
            max={100000}
            value={draft.straightMinN}
            onChange={(straightMinN) => set({ straightMinN })}
          />
        </div>
      </fieldset>
      <fieldset className="plain">
        <legend>{SIGNAL_KIND_LABELS.gold_fail_streak}</legend>
        <CheckField
          label="Use the quality gate's streak"
          hint="As many misses in a row as pause an annotator (Settings, Quality gate)"
          checked={draft.streakFromGate}
          onChange={(streakFromGate) => set({ streakFromGate })}
        />
        {!draft.streakFromGate && (
          <NumberField
            className="indented narrow"
            label="Gold items missed in a row"
            hint="0 turns this signal off"
            problem={problem('goldFailStreak')}
            serverFields={['goldFailStreak']}
            min={0}
            max={100000}
            value={draft.goldFailStreak}
            onChange={(goldFailStreak) => set({ goldFailStreak })}
          />
        )}
      </fieldset>
    </SettingsSection>
  );
}
