/**
 * Vendors: everyone in the organization may work on the project, or only the vendors ticked here, each with an
 * optional cap on the tasks its annotators take (a count, a share of the planned judgments, or both). The server
 * names a failing vendor by its place in the list sent (`vendors[2].quotaShare`), which maps back to its row.
 */
import { useId } from 'react';
import type { Project, Vendor } from '../../../api/types';
import { ErrorMessage, Loading } from '../../../components/Status';
import { useVendors, type ProjectPatch } from '../queries';
import { TableScroll } from '../TableScroll';
import { serverMessage } from './Field';
import { useBody, usePart } from './form';
import { parsePercent, parseWhole, percentText } from './numbers';
import { FormSection } from './SettingsSection';

interface VendorRow {
  enabled: boolean;
  /** Empty: no cap. */
  quotaTasks: string;
  quotaSharePercent: string;
}

interface VendorValues {
  restricted: boolean;
  rows: Record<string, VendorRow>;
}

const EMPTY_ROW: VendorRow = { enabled: false, quotaTasks: '', quotaSharePercent: '' };

function valuesOf(p: Project): VendorValues {
  const listed = p.vendors ?? [];
  return {
    restricted: listed.length > 0,
    rows: Object.fromEntries(
      listed.map((v) => [v.vendorId, { enabled: v.enabled, quotaTasks: v.quotaTasks === null ? '' : String(v.quotaTasks), quotaSharePercent: percentText(v.quotaShare) }]),
    ),
  };
}

type Parsed = { ok: true; quotaTasks: number | null; quotaShare: number | null } | { ok: false; tasks?: string; share?: string };

function parseRow(r: VendorRow): Parsed {
  const tasks = r.quotaTasks.trim() === '' ? null : parseWhole(r.quotaTasks, 0, 100_000_000);
  const share = r.quotaSharePercent.trim() === '' ? null : parsePercent(r.quotaSharePercent, { min: 0, max: 100 });
  const tasksProblem = tasks && 'problem' in tasks ? tasks.problem : undefined;
  const shareProblem = share && 'problem' in share ? share.problem : undefined;
  if (tasksProblem || shareProblem) return { ok: false, ...(tasksProblem && { tasks: tasksProblem }), ...(shareProblem && { share: shareProblem }) };
  return { ok: true, quotaTasks: tasks && 'value' in tasks ? tasks.value : null, quotaShare: share && 'share' in share ? share.share : null };
}

function capText(row: VendorRow, parsed: Parsed): string {
  if (!row.enabled) return 'may not work here';
  if (!parsed.ok || (parsed.quotaTasks === null && parsed.quotaShare === null)) return 'no cap';
  const caps = [parsed.quotaTasks !== null && `${parsed.quotaTasks.toLocaleString('en')} tasks`, parsed.quotaShare !== null && `${percentText(parsed.quotaShare)}% of the judgments`];
  return `at most ${caps.filter(Boolean).join(' and ')}`;
}

export function VendorsSection({ project }: { project: Project }) {
  const vendors = useVendors();
  const { draft, set, dirty } = usePart('vendors', 'Vendors', valuesOf(project));
  const list: Vendor[] = vendors.data?.items ?? [];
  const rowOf = (id: string) => draft.rows[id] ?? EMPTY_ROW;
  const parsed = new Map(list.map((v) => [v.id, parseRow(rowOf(v.id))]));
  const valid = !draft.restricted || [...parsed.values()].every((p) => p.ok);

  const body = (): ProjectPatch['vendors'] =>
    draft.restricted
      ? list.map((v) => {
          const p = parsed.get(v.id)!;
          return { vendorId: v.id, enabled: rowOf(v.id).enabled, quotaTasks: p.ok ? p.quotaTasks : null, quotaShare: p.ok ? p.quotaShare : null };
        })
      : [];
  const setRow = (vendorId: string, patch: Partial<VendorRow>) => set({ rows: { ...draft.rows, [vendorId]: { ...rowOf(vendorId), ...patch } } });
  const error = useBody('vendors', { title: 'Vendors', target: 'project', fields: ['vendors'], body: valid && !vendors.isPending ? { vendors: body() } : null });

  return (
    <FormSection
      title="Vendors"
      description="Which vendors' annotators may work on this project, and how much of it each may take. A cap counts tasks taken (leased or submitted); a share is of the project's planned judgments (items × k)."
      dirty={dirty}
      error={error}
    >
      <Choice restricted={draft.restricted} onChange={(restricted) => set({ restricted })} />
      {vendors.isPending ? (
        <Loading label="Loading vendors" />
      ) : vendors.isError ? (
        <ErrorMessage error={vendors.error} />
      ) : list.length === 0 ? (
        <p className="muted">The organization has no vendors yet.</p>
      ) : (
        <TableScroll label="Vendors and their caps">
          <table className="data vendor-quotas">
            <caption className="visually-hidden">Vendors allowed on this project and their caps</caption>
            <thead>
              <tr>
                <th scope="col">Vendor</th>
                <th scope="col">Most tasks</th>
                <th scope="col">Most share of judgments (%)</th>
                <th scope="col">In effect</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v, i) => (
                <VendorQuotaRow
                  key={v.id}
                  vendor={v}
                  row={rowOf(v.id)}
                  parsed={parsed.get(v.id)!}
                  disabled={!draft.restricted}
                  onChange={(patch) => setRow(v.id, patch)}
                  tasksError={draft.restricted ? serverMessage(error, [`vendors[${i}].quotaTasks`]) : undefined}
                  shareError={draft.restricted ? serverMessage(error, [`vendors[${i}].quotaShare`]) : undefined}
                  rowError={draft.restricted ? serverMessage(error, [`vendors[${i}].vendorId`, `vendors[${i}].enabled`]) : undefined}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </FormSection>
  );
}

function Choice({ restricted, onChange }: { restricted: boolean; onChange: (restricted: boolean) => void }) {
  const id = useId();
  return (
    <fieldset className="plain radio-row">
      <legend>Who may work on this project</legend>
      <label className="inline-check">
        <input type="radio" name={`${id}-who`} checked={!restricted} onChange={() => onChange(false)} /> Every annotator in the organization
      </label>
      <label className="inline-check">
        <input type="radio" name={`${id}-who`} checked={restricted} onChange={() => onChange(true)} /> Only annotators of the vendors ticked below
      </label>
    </fieldset>
  );
}

interface RowProps {
  vendor: Vendor;
  row: VendorRow;
  parsed: Parsed;
  disabled: boolean;
  onChange: (patch: Partial<VendorRow>) => void;
  tasksError: string | undefined;
  shareError: string | undefined;
  rowError: string | undefined;
}

function VendorQuotaRow({ vendor, row, parsed, disabled, onChange, tasksError, shareError, rowError }: RowProps) {
  const id = useId();
  const tasksNote = tasksError ?? (!parsed.ok ? parsed.tasks : undefined);
  const shareNote = shareError ?? (!parsed.ok ? parsed.share : undefined);
  const off = disabled || !row.enabled;
  return (
    <tr>
      <th scope="row">
        <label className="inline-check">
          <input type="checkbox" disabled={disabled} checked={!disabled && row.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} aria-describedby={rowError ? `${id}-row` : undefined} />{' '}
          {vendor.name}
        </label>
        {rowError && (
          <span id={`${id}-row`} className="input-error" role="alert">
            {rowError}
          </span>
        )}
      </th>
      <td>
        <input
          type="number"
          min={0}
          step={1}
          className="quota-input"
          aria-label={`Most tasks for ${vendor.name}`}
          placeholder="no cap"
          disabled={off}
          value={row.quotaTasks}
          aria-invalid={tasksNote ? true : undefined}
          aria-describedby={tasksNote ? `${id}-tasks` : undefined}
          onChange={(e) => onChange({ quotaTasks: e.target.value })}
        />
        {tasksNote && (
          <span id={`${id}-tasks`} className="input-error" role={tasksError ? 'alert' : undefined}>
            {tasksNote}
          </span>
        )}
      </td>
      <td>
        <input
          type="number"
          min={0}
          max={100}
          step="any"
          className="quota-input"
          aria-label={`Most share of judgments for ${vendor.name} (%)`}
          placeholder="no cap"
          disabled={off}
          value={row.quotaSharePercent}
          aria-invalid={shareNote ? true : undefined}
          aria-describedby={shareNote ? `${id}-share` : undefined}
          onChange={(e) => onChange({ quotaSharePercent: e.target.value })}
        />
        {shareNote && (
          <span id={`${id}-share`} className="input-error" role={shareError ? 'alert' : undefined}>
            {shareNote}
          </span>
        )}
      </td>
      <td className="muted small">{disabled ? 'everyone may work here' : capText(row, parsed)}</td>
    </tr>
  );
}
