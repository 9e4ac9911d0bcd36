/**
 * What the roadmap flags on an initiative, read from three reports: the forecast ("At risk": its 85 % date
 * is after its target date), the alignment report (its drift findings, "No work") and the dependency map
 * (work waiting on an overdue external dependency). One Map by initiative id per set of reports; cards and
 * timeline rows look theirs up.
 */
import type { AlignmentReportT, DependencyMapT, DriftT, ForecastT } from '../../api/analysis.ts';
import { formatDay } from '../../components/dates.ts';

export type FlagKind =
  | 'at_risk'
  | 'past_target'
  | 'no_work'
  | 'no_progress'
  | 'waiting_overdue'
  | 'sprint_work_for_later'
  | 'sprint_work_for_closed';

export interface InitiativeFlag {
  kind: FlagKind;
  /** A few words, shown on the card. */
  label: string;
  /** The whole finding: the tooltip, and what a screen reader hears after the label. */
  detail: string;
  /** A shape that tells the flags apart without colour. */
  icon: string;
  /** danger: a date is already or likely missed; warn: the plan and the work disagree. */
  tone: 'danger' | 'warn';
}

/** The flags' order on a card: missed dates first, then what the work says. */
const ORDER: readonly FlagKind[] = [
  'at_risk',
  'past_target',
  'no_work',
  'no_progress',
  'waiting_overdue',
  'sprint_work_for_later',
  'sprint_work_for_closed',
];

/** Overdue dependencies named in a flag at most; the rest are counted. */
const MAX_NAMED = 3;

/**
 * The drift kinds that flag an initiative. `roadmap_changed` does not: a change since the last review is
 * news for the review, not a problem (every new initiative would carry it for a month).
 */
const DRIFT_FLAGS: Partial<Record<DriftT['kind'], Pick<InitiativeFlag, 'kind' | 'label' | 'icon' | 'tone'>>> =
  {
    past_target_with_open_work: {
      kind: 'past_target',
      label: 'Past target with open work',
      icon: '⚑',
      tone: 'danger',
    },
    now_without_progress: { kind: 'no_progress', label: 'Nothing in progress', icon: '◌', tone: 'warn' },
    sprint_work_for_later: {
      kind: 'sprint_work_for_later',
      label: 'Sprint work planned for later',
      icon: '⇄',
      tone: 'warn',
    },
    sprint_work_for_closed_initiative: {
      kind: 'sprint_work_for_closed',
      label: 'Sprint work for a closed initiative',
      icon: '⇄',
      tone: 'warn',
    },
  };

export interface FlagSources {
  alignment?: AlignmentReportT | undefined;
  forecast?: ForecastT | undefined;
  graph?: DependencyMapT | undefined;
}

/** Every flagged initiative's flags, in ORDER; an initiative with none is not in the map. */
export function initiativeFlags({
  alignment,
  forecast,
  graph,
}: FlagSources): ReadonlyMap<string, InitiativeFlag[]> {
  const flags = new Map<string, InitiativeFlag[]>();
  const add = (initiativeId: string, flag: InitiativeFlag) => {
    const list = flags.get(initiativeId);
    if (list) list.push(flag);
    else flags.set(initiativeId, [flag]);
  };

  for (const outlook of forecast?.initiatives ?? []) {
    if (outlook.atRisk && outlook.targetDate) add(outlook.id, atRisk(outlook));
  }

  const withoutWork = new Set<string>();
  for (const idle of alignment?.initiativesWithoutWork ?? []) {
    withoutWork.add(idle.initiativeId);
    add(idle.initiativeId, {
      kind: 'no_work',
      label: 'No work',
      detail: `No open backlog item serves it, though it is in "${idle.horizon}"`,
      icon: '∅',
      tone: 'warn',
    });
  }

  // Several findings of one kind (one per item in the sprint) make one flag that lists them.
  const drifts = new Map<
    string,
    { flag: Pick<InitiativeFlag, 'kind' | 'label' | 'icon' | 'tone'>; messages: string[] }
  >();
  for (const drift of alignment?.drift ?? []) {
    const flag = DRIFT_FLAGS[drift.kind];
    if (!flag || !drift.initiativeId) continue;
    // "Nothing in progress" says less than "No work" about an initiative with no work at all.
    if (flag.kind === 'no_progress' && withoutWork.has(drift.initiativeId)) continue;
    const key = `${drift.initiativeId}\u0000${flag.kind}`;
    const entry = drifts.get(key);
    if (entry) entry.messages.push(drift.message);
    else drifts.set(key, { flag, messages: [drift.message] });
  }
  for (const [key, { flag, messages }] of drifts) {
    add(key.slice(0, key.indexOf('\u0000')), { ...flag, detail: messages.join('; ') });
  }

  for (const [initiativeId, names] of overdueByInitiative(graph)) {
    const named = names.slice(0, MAX_NAMED).join(', ');
    const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : '';
    add(initiativeId, {
      kind: 'waiting_overdue',
      label: 'Overdue dependency',
      detail: `Waiting on an overdue external dependency${named ? `: ${named}${more}` : ''}`,
      icon: '◷',
      tone: 'danger',
    });
  }

  for (const list of flags.values()) list.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return flags;
}

function atRisk(outlook: ForecastT['initiatives'][number]): InitiativeFlag {
  const target = formatDay(outlook.targetDate ?? '');
  const when =
    outlook.p85 === null
      ? `Not 85 % likely to be done within 3 years; its target is ${target}`
      : `85 % likely to be done by ${formatDay(outlook.p85)}, after its target of ${target}`;
  const chance =
    outlook.probabilityOnTime === null
      ? ''
      : ` (${Math.round(outlook.probabilityOnTime * 100)} % chance of making it)`;
  return { kind: 'at_risk', label: 'At risk', detail: `${when}${chance}`, icon: '⚠', tone: 'danger' };
}

/**
 * Initiatives whose work waits on an overdue external dependency, with those dependencies' names (with
 * their expected dates), from the map's initiative nodes and its waits → serves edges.
 */
function overdueByInitiative(graph: DependencyMapT | undefined): Map<string, string[]> {
  const result = new Map<string, string[]>();
  if (!graph) return result;
  const overdue = new Map<string, string>();
  const servesInitiative = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.kind === 'initiative' && node.waitingOnOverdue) result.set(node.id, []);
    if (node.kind === 'external' && node.overdue) {
      overdue.set(
        node.id,
        node.expectedDate ? `${node.title} (expected ${formatDay(node.expectedDate)})` : node.title,
      );
    }
  }
  for (const edge of graph.edges) if (edge.kind === 'serves') servesInitiative.set(edge.from, edge.to);
  for (const edge of graph.edges) {
    if (edge.kind !== 'waits') continue;
    const name = overdue.get(edge.from);
    const initiativeId = servesInitiative.get(edge.to);
    const names = initiativeId === undefined ? undefined : result.get(initiativeId);
    if (name !== undefined && names && !names.includes(name)) names.push(name);
  }
  return result;
}

/** Flags are rebuilt as new objects with every report: memoised cards compare what they say. */
export function sameFlags(
  a: readonly InitiativeFlag[] | undefined,
  b: readonly InitiativeFlag[] | undefined,
) {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((flag, index) => flag.kind === b[index]?.kind && flag.detail === b[index]?.detail);
}
