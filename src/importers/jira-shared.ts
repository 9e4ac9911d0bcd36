/** Rules both Jira importers (CSV and REST JSON) share: issue types, keys, comments. */
import type { ImportedItem } from './bundle.ts';

/** Jira's issue type → Cairn's item type. Sub-tasks become tasks (Cairn has no sub-items); unknown → task. */
export function itemTypeOf(issueType: string): ImportedItem['type'] {
  const name = issueType.trim().toLowerCase();
  if (name === 'bug' || name === 'defect') return 'bug';
  if (name === 'story' || name === 'user story' || name === 'new feature') return 'story';
  if (name === 'spike' || name === 'research') return 'spike';
  return 'task';
}

export function isEpicType(issueType: string): boolean {
  return issueType.trim().toLowerCase() === 'epic';
}

/** PROJ-12 (letters, digits, underscores, then a number), the shape of every Jira issue key. */
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]{0,49}-\d{1,12}$/;

export function isIssueKey(value: string): boolean {
  return value.length <= 64 && ISSUE_KEY.test(value);
}
