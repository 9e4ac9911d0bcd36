/** Shapes shared by the demo's content files and its history planner. */
import type { CreateInitiativeInput } from '../schemas/initiative.ts';
import type { CreateItemInput } from '../schemas/item.ts';

export type Horizon = CreateInitiativeInput['horizon'];
export type Confidence = CreateInitiativeInput['confidence'];
export type Visibility = CreateInitiativeInput['visibility'];
export type InitiativeStatus = CreateInitiativeInput['status'];
export type ItemType = CreateItemInput['type'];
export type ItemStatus = CreateItemInput['status'];

/** One backlog item as written in the content files, before estimates, labels and timing are chosen. */
export interface ItemSeed {
  /** A name for dependencies to refer to. */
  ref?: string;
  type: ItemType;
  title: string;
  story: { asA: string; iWant: string; soThat: string } | null;
  criteria: string[];
}

const LINE = /^(?:\[([a-z-]+)\] )?(?:(task|spike|bug): )?(.+)$/;

/** Reads one content line: `[ref] type: title | as a | I want | so that | criterion | …` (see demo-stories.ts). */
export function parseSeed(line: string): ItemSeed {
  const match = LINE.exec(line);
  if (!match) throw new Error(`demo content: cannot read "${line}"`);
  const [, ref, type, rest = ''] = match;
  const [title = '', ...parts] = rest.split(' | ');
  const seed = { ...(ref && { ref }), title };
  if (type === 'task' || type === 'spike' || type === 'bug')
    return { ...seed, type, story: null, criteria: parts };
  const [asA, iWant, soThat, ...criteria] = parts;
  if (!asA || !iWant || !soThat)
    throw new Error(`demo content: the story "${title}" needs as a | I want | so that`);
  return { ...seed, type: 'story', story: { asA, iWant, soThat }, criteria };
}
