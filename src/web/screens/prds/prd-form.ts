/** The PRD editor's form: what it holds, built from a PRD, and the patch of what changed (pure). */
import type { PrdT, UpdatePrdBody } from '../../api/prds.ts';

export interface MetricRow {
  name: string;
  baseline: string;
  target: string;
  measured: string;
}

export interface RequirementRow {
  /** The server's id; absent for a requirement not saved yet. */
  id?: string;
  /** A stable React key for rows not saved yet. */
  key: string;
  text: string;
  itemIds: string[];
}

export interface PrdForm {
  title: string;
  problem: string;
  technicalConsiderations: string;
  openQuestions: string;
  metrics: MetricRow[];
  requirements: RequirementRow[];
}

export const SECTIONS = [
  { name: 'problem', label: 'Problem' },
  { name: 'technicalConsiderations', label: 'Technical considerations' },
  { name: 'openQuestions', label: 'Open questions' },
] as const;

export function formOf(prd: PrdT): PrdForm {
  return {
    title: prd.title,
    problem: prd.problem,
    technicalConsiderations: prd.technicalConsiderations,
    openQuestions: prd.openQuestions,
    metrics: prd.successMetrics.map((m) => ({
      name: m.name,
      baseline: m.baseline ?? '',
      target: m.target ?? '',
      measured: m.measured ?? '',
    })),
    requirements: prd.requirements.map((r) => ({
      id: r.id,
      key: r.id,
      text: r.text,
      itemIds: [...r.itemIds],
    })),
  };
}

const figure = (value: string) => (value.trim() === '' ? null : value.trim());

function metricsOf(form: PrdForm) {
  return form.metrics
    .filter((m) => m.name.trim() !== '')
    .map((m) => ({
      name: m.name.trim(),
      baseline: figure(m.baseline),
      target: figure(m.target),
      measured: figure(m.measured),
    }));
}

function requirementsOf(form: PrdForm) {
  return form.requirements
    .filter((r) => r.text.trim() !== '')
    .map((r) => ({ ...(r.id ? { id: r.id } : {}), text: r.text.trim(), itemIds: r.itemIds }));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of the form that differ from the PRD, as a PATCH body (empty when nothing changed). */
export function patchOf(form: PrdForm, prd: PrdT): UpdatePrdBody {
  const patch: UpdatePrdBody = {};
  if (form.title.trim() !== prd.title) patch.title = form.title.trim();
  for (const { name } of SECTIONS) if (form[name].trim() !== prd[name]) patch[name] = form[name];
  const metrics = metricsOf(form);
  if (!same(metrics, prd.successMetrics)) patch.successMetrics = metrics;
  const requirements = requirementsOf(form);
  const saved = prd.requirements.map((r) => ({ id: r.id, text: r.text, itemIds: r.itemIds }));
  if (!same(requirements, saved)) patch.requirements = requirements;
  return patch;
}

let counter = 0;
/** A new requirement row with a key of its own. */
export function newRequirement(): RequirementRow {
  counter += 1;
  return { key: `new-${counter}`, text: '', itemIds: [] };
}
