/**
 * A vendor's pay terms in a dialog's form (admin): the model, the rate typed in major units of the currency
 * ("12.50", sent as 1250 minor units) and the ISO 4217 currency, with the terms in words as they are typed
 * ("$12.50 per hour"). Set terms can be cleared (all three null). Problems found while typing show at their field
 * on submit; the server's 400 shows at the field it names (`payRateMinor` at the rate).
 */
import { useState, type FormEvent } from 'react';
import { FormActions } from './FormActions';
import { FormError, FormField, fieldErrorOf } from './FormField';
import { isCurrencyCode, majorText, parseMajor, PAY_MODEL_LABELS, payTermsText } from './money';
import { useUpdateVendor, type PayTerms, type UpdateVendorBody } from './queries';
import type { Vendor } from '../../api/types';

const FIELDS = ['payModel', 'payRateMinor', 'currency'] as const;
const MODELS = Object.keys(PAY_MODEL_LABELS) as PayTerms['model'][];

export function PayTermsForm({ vendor, onSaved, onCancel }: { vendor: Vendor; onSaved: (terms: PayTerms | null) => void; onCancel: () => void }) {
  const t = vendor.payTerms;
  const [model, setModel] = useState<PayTerms['model']>(t?.model ?? 'per_task');
  const [currency, setCurrency] = useState(t?.currency ?? 'USD');
  const [rate, setRate] = useState(t ? majorText(t.rateMinor, t.currency) : '');
  const [checked, setChecked] = useState(false);
  const update = useUpdateVendor(vendor.id);

  const code = currency.trim().toUpperCase();
  const currencyProblem = isCurrencyCode(code) ? undefined : 'Three letters of an ISO 4217 code, e.g. USD or EUR';
  const parsed = parseMajor(rate, code);
  const rateProblem = rate.trim() === '' ? 'The rate, e.g. 12.50' : 'problem' in parsed ? parsed.problem : undefined;
  const preview = !currencyProblem && 'minor' in parsed ? payTermsText({ model, rateMinor: parsed.minor, currency: code }) : null;

  const send = (body: UpdateVendorBody, saved: PayTerms | null) => update.mutate(body, { onSuccess: () => onSaved(saved) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (currencyProblem || !('minor' in parsed)) return;
    send({ payModel: model, payRateMinor: parsed.minor, currency: code }, { model, rateMinor: parsed.minor, currency: code });
  };
  // The server's message about a field, else (after a submit) what is wrong with what was typed.
  const errorAt = (field: (typeof FIELDS)[number], problem: string | undefined) => fieldErrorOf(update.error, field) ?? (checked ? problem : undefined);

  return (
    <form onSubmit={submit} noValidate>
      <FormField label="Pay model" error={errorAt('payModel', undefined)}>
        {(p) => (
          <select {...p} value={model} onChange={(e) => setModel(e.target.value as PayTerms['model'])} data-autofocus>
            {MODELS.map((m) => (
              <option key={m} value={m}>
                {m === 'per_task' ? 'Per task (each submitted judgment)' : 'Per hour (of active time)'}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Rate" hint={isCurrencyCode(code) ? `In ${code}, e.g. ${majorText(1250, code)}` : 'In the currency, e.g. 12.50'} error={errorAt('payRateMinor', rateProblem)}>
        {(p) => <input {...p} type="text" inputMode="decimal" autoComplete="off" value={rate} onChange={(e) => setRate(e.target.value)} />}
      </FormField>
      <FormField label="Currency" hint="ISO 4217 code" error={errorAt('currency', currencyProblem)}>
        {(p) => <input {...p} type="text" maxLength={3} autoComplete="off" className="currency-input" value={currency} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />}
      </FormField>
      <p className="pay-terms-preview" aria-live="polite">
        {preview ? (
          <>
            {vendor.name} will be paid <strong>{preview}</strong>.
          </>
        ) : (
          <span className="muted">Type a rate and a currency to see the terms in words.</span>
        )}
      </p>
      <FormError error={update.error} fields={FIELDS} />
      {t && (
        <p>
          <button type="button" className="btn danger" disabled={update.isPending} onClick={() => send({ payModel: null, payRateMinor: null, currency: null }, null)}>
            Clear pay terms
          </button>
        </p>
      )}
      <FormActions onCancel={onCancel} submit="Save pay terms" busy={update.isPending} busyLabel="Saving…" />
    </form>
  );
}
