/**
 * One Markdown task file as Backlog.md writes it → its parts: YAML front matter between `---` lines, then
 * "## Description", "## Acceptance Criteria" (`- [ ] #1 text`), "## Implementation Plan/Notes" sections,
 * each optionally wrapped in `<!-- SECTION:…:BEGIN/END -->` markers. Pure and bounded: the front matter
 * is capped, YAML aliases are limited (a "billion laughs" file is refused), sections are found in one
 * pass over the lines.
 */
import { parseDocument } from 'yaml';

/** Front matter larger than this is not a task's metadata. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** YAML aliases one front matter may use: plenty for hand-written files, too few for an alias bomb. */
const MAX_YAML_ALIASES = 100;

export interface ParsedTaskFile {
  meta: Record<string, unknown>;
  description: string;
  acceptanceCriteria: { text: string; done: boolean }[];
}

/** A task file that cannot be read, with the 1-based line where the trouble is. */
export class TaskFileProblem extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Splits and reads a task file; throws TaskFileProblem for a missing or malformed front matter. */
export function parseTaskFile(text: string): ParsedTaskFile {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/^---[ \t]*\n/.test(body))
    throw new TaskFileProblem(1, 'no YAML front matter (the file must start with ---)');
  const close = /\n---[ \t]*(?:\n|$)/.exec(body.slice(0, MAX_FRONT_MATTER_CHARS + 8));
  if (!close) {
    const tooLong = body.length > MAX_FRONT_MATTER_CHARS;
    throw new TaskFileProblem(
      1,
      tooLong ? 'the front matter is longer than 64 kB' : 'the front matter is never closed',
    );
  }
  const yamlText = body.slice(body.indexOf('\n') + 1, close.index + 1);
  const doc = parseDocument(yamlText, { prettyErrors: false, schema: 'core' });
  const error = doc.errors[0];
  if (error) {
    const line = 1 + (error.linePos?.[0]?.line ?? 1);
    throw new TaskFileProblem(line, `the front matter is not valid YAML: ${firstLine(error.message)}`);
  }
  let meta: unknown;
  try {
    meta = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (thrown) {
    throw new TaskFileProblem(2, `the front matter cannot be read: ${firstLine(String(thrown))}`);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) {
    throw new TaskFileProblem(2, 'the front matter is not a set of fields');
  }
  const rest = body.slice(close.index + close[0].length);
  return { meta: meta as Record<string, unknown>, ...readSections(rest) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.slice(0, 200) ?? '';
}

const MARKER = /^\s*<!--\s*(?:SECTION|AC|DOD):[A-Z_]+:(?:BEGIN|END)\s*-->\s*$/;
const HEADING = /^##\s+(.+?)\s*$/;
const CHECKBOX = /^\s*[-*]\s+\[([ xX])\]\s+(?:#\d{1,4}\s+)?(.*)$/;

/** Description = everything but the acceptance criteria; other sections keep their headings. */
function readSections(text: string): Omit<ParsedTaskFile, 'meta'> {
  const description: string[] = [];
  const criteria: { text: string; done: boolean }[] = [];
  let section = 'description';
  for (const line of text.split('\n')) {
    if (MARKER.test(line)) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      section = (heading[1] ?? '').toLowerCase();
      if (section === 'description' || section === 'acceptance criteria') continue;
    }
    if (section === 'acceptance criteria') {
      const box = CHECKBOX.exec(line);
      if (box) criteria.push({ text: (box[2] ?? '').trim(), done: box[1] !== ' ' });
      continue;
    }
    description.push(line);
  }
  return {
    description: description
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    acceptanceCriteria: criteria.filter((c) => c.text !== ''),
  };
}
