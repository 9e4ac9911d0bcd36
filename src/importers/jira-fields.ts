/**
 * Reading Jira REST fields whose ids differ per site: sprints, story points and the epic link are custom
 * fields (customfield_10020 on one site, customfield_10105 on another). The `names` expansion of a search
 * names them when the export asked for it; otherwise the usual Cloud/Server ids and the value's shape
 * decide. Also: Jira's two sprint shapes and Atlassian Document Format (REST v3) descriptions.
 */
import type { ImportedSprint } from './bundle.ts';
import { parseExportDate } from './dates.ts';
import { asArray, asRecord, asText } from './json-text.ts';

export interface CustomFieldIds {
  sprint: string[];
  points: string[];
  epicLink: string[];
  acceptance: string[];
}

/** Ids Jira Cloud and Server most often give these fields, tried when the export has no `names`. */
const DEFAULT_IDS: CustomFieldIds = {
  sprint: ['customfield_10020', 'customfield_10010', 'customfield_10007', 'customfield_10104'],
  points: [
    'customfield_10016',
    'customfield_10026',
    'customfield_10028',
    'customfield_10002',
    'customfield_10004',
  ],
  epicLink: ['customfield_10014', 'customfield_10008', 'customfield_10006', 'customfield_10000'],
  acceptance: [],
};

/** Finds the custom field ids from a page's `names` ({ customfield_10016: "Story Points" }) or defaults. */
export function customFieldIds(names: Record<string, unknown> | null): CustomFieldIds {
  if (!names) return DEFAULT_IDS;
  const found: CustomFieldIds = { sprint: [], points: [], epicLink: [], acceptance: [] };
  for (const [id, raw] of Object.entries(names)) {
    const name = asText(raw).trim().toLowerCase();
    if (name === 'sprint' || name === 'sprints') found.sprint.push(id);
    else if (name === 'story points' || name === 'story point estimate') found.points.push(id);
    else if (name === 'epic link') found.epicLink.push(id);
    else if (name === 'acceptance criteria') found.acceptance.push(id);
  }
  return {
    sprint: found.sprint.length ? found.sprint : DEFAULT_IDS.sprint,
    points: found.points.length ? found.points : DEFAULT_IDS.points,
    epicLink: found.epicLink.length ? found.epicLink : DEFAULT_IDS.epicLink,
    acceptance: found.acceptance,
  };
}

/** The first of `ids` holding a finite number. */
export function numberField(fields: Record<string, unknown>, ids: readonly string[]): number | null {
  for (const id of ids) {
    const value = fields[id];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  }
  return null;
}

/** The first of `ids` holding a non-empty string. */
export function textField(fields: Record<string, unknown>, ids: readonly string[]): string {
  for (const id of ids) {
    const value = fields[id];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return '';
}

/** Sprints of an issue, in the order Jira lists them (the last is the current one). */
export function sprintsOf(fields: Record<string, unknown>, ids: readonly string[]): ImportedSprint[] {
  for (const id of ids) {
    const values = asArray(fields[id]);
    if (values.length === 0) continue;
    const sprints = values
      .slice(0, 100)
      .map(sprintOf)
      .filter((s): s is ImportedSprint => s !== null);
    if (sprints.length > 0) return sprints;
  }
  return [];
}

const SPRINT_STATES: Record<string, ImportedSprint['state']> = {
  future: 'planned',
  active: 'active',
  closed: 'closed',
};

/** Cloud writes { id, name, state, startDate, endDate }; Server writes "…Sprint@1f[id=12,…,name=S 1,…]". */
function sprintOf(value: unknown): ImportedSprint | null {
  const record = asRecord(value);
  if (record) {
    const name = asText(record.name).trim();
    if (!name) return null;
    return {
      externalKey: asText(record.id) || name,
      name,
      state: SPRINT_STATES[asText(record.state).toLowerCase()] ?? null,
      startDate: parseExportDate(asText(record.startDate)),
      endDate: parseExportDate(asText(record.endDate)),
    };
  }
  const text = asText(value).slice(0, 4000);
  const name = /[[,]name=(.*?),(?:goal|startDate|endDate|completeDate|sequence)=/.exec(text)?.[1] ?? '';
  if (!name) return null;
  const part = (key: string) => new RegExp(`[[,]${key}=([^,\\]]*)`).exec(text)?.[1] ?? '';
  const date = (key: string) => (part(key) === '<null>' ? null : parseExportDate(part(key)));
  return {
    externalKey: part('id') || name,
    name,
    state: SPRINT_STATES[part('state').toLowerCase()] ?? null,
    startDate: date('startDate'),
    endDate: date('endDate'),
  };
}

/** Nodes an ADF document may have before the rest is dropped (a description is never this large). */
const MAX_ADF_NODES = 50_000;

/**
 * A description or comment body: wiki text (REST v2) as is; an Atlassian Document Format tree (REST v3)
 * flattened to Markdown-ish text with an explicit stack, so nesting depth costs nothing.
 */
export function richText(value: unknown): { text: string; isWiki: boolean } {
  if (typeof value === 'string') return { text: value, isWiki: true };
  const root = asRecord(value);
  if (!root) return { text: '', isWiki: false };
  const out: string[] = [];
  const stack: unknown[] = [root];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_ADF_NODES) {
    visited++;
    const node = stack.pop();
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    const record = asRecord(node);
    if (!record) continue;
    const type = asText(record.type);
    if (type === 'text') {
      out.push(asText(record.text));
      continue;
    }
    if (type === 'hardBreak') {
      out.push('\n');
      continue;
    }
    const block = BLOCK_PREFIX[type];
    if (block !== undefined) stack.push('\n\n');
    const children = asArray(record.content);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    if (block) stack.push(block);
  }
  return {
    text: out
      .join('')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    isWiki: false,
  };
}

const BLOCK_PREFIX: Record<string, string> = {
  paragraph: '',
  heading: '## ',
  listItem: '- ',
  codeBlock: '',
  blockquote: '> ',
};
