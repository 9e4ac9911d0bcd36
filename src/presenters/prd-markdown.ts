/**
 * A PRD as one Markdown document (GET /prds/{id}/export.md): title, status, reviewers, problem, a table of
 * its success metrics, its requirements with the keys and titles of their items, technical considerations
 * and open questions. The sections are the author's Markdown, copied as written.
 */
import { DECISION_LABELS, PRD_STATUS_LABELS } from '../domain/prd-rules.ts';
import type { Prd } from '../schemas/prd.ts';

export interface PrdExport {
  prd: Prd;
  /** The initiative's title when the PRD is tied to one. */
  initiativeTitle: string | null;
}

/** One line of text: no line breaks (a title, a name). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A table cell: one line, its pipes escaped. */
function cell(text: string | null): string {
  return text === null || text === '' ? '—' : oneLine(text).replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

/** A section's Markdown, or a note that it is empty. */
function body(text: string): string {
  return text.trim() === '' ? '_None yet._' : text.trim();
}

export function reviewerLine(r: Prd['reviewers'][number]): string {
  const when = r.decidedAt ? ` (${r.decidedAt.slice(0, 10)})` : '';
  return `${oneLine(r.name) || r.userId}: ${DECISION_LABELS[r.decision]}${when}`;
}

export function prdMarkdown({ prd, initiativeTitle }: PrdExport): string {
  const items = new Map(prd.linkedItems.map((item) => [item.id, item]));
  const lines: string[] = [`# ${oneLine(prd.title)}`, ''];
  lines.push(`- **Status:** ${PRD_STATUS_LABELS[prd.status]}`);
  if (initiativeTitle !== null) lines.push(`- **Initiative:** ${oneLine(initiativeTitle)}`);
  lines.push(`- **Updated:** ${prd.updatedAt.slice(0, 10)} (version ${prd.version})`);
  lines.push(
    `- **Reviewers:** ${prd.reviewers.length ? prd.reviewers.map(reviewerLine).join('; ') : 'none'}`,
    '',
  );
  lines.push('## Problem', '', body(prd.problem), '');
  lines.push('## Success metrics', '');
  if (prd.successMetrics.length === 0) lines.push('_None yet._', '');
  else {
    lines.push('| Metric | Baseline | Target | Measured |', '| --- | --- | --- | --- |');
    for (const m of prd.successMetrics) {
      lines.push(`| ${cell(m.name)} | ${cell(m.baseline)} | ${cell(m.target)} | ${cell(m.measured)} |`);
    }
    lines.push('');
  }
  lines.push('## Requirements', '');
  if (prd.requirements.length === 0) lines.push('_None yet._', '');
  prd.requirements.forEach((requirement, index) => {
    // The text is indented under its number so that its own Markdown stays inside the list item.
    const [first = '', ...rest] = requirement.text.split(/\r?\n/);
    lines.push(`${index + 1}. ${first}`, ...rest.map((line) => `   ${line}`));
    const linked = requirement.itemIds.flatMap((id) => {
      const item = items.get(id);
      return item ? [`${item.key} ${oneLine(item.title)}${item.trashed ? ' (in the trash)' : ''}`] : [];
    });
    lines.push(`   - Backlog: ${linked.length ? linked.join('; ') : '_no item yet_'}`);
  });
  if (prd.requirements.length > 0) lines.push('');
  lines.push('## Technical considerations', '', body(prd.technicalConsiderations), '');
  lines.push('## Open questions', '', body(prd.openQuestions), '');
  return lines.join('\n');
}
