/**
 * Jira wiki markup → Markdown, for descriptions and comments from Jira's CSV and REST exports. It scans line
 * by line and every regex here has one unbounded run over a class that excludes its own delimiter, so an
 * attempt ends at the next delimiter: hostile text (100 kB of `*a` or `{{`) costs the same as prose.
 * Unknown macros ({panel}, {color}) lose their tags and keep their text.
 */

/** Converts Jira wiki markup to Markdown; plain text passes through unchanged. */
export function jiraWikiToMarkdown(wiki: string): string {
  if (wiki === '') return '';
  const out: string[] = [];
  let fence: 'code' | 'noformat' | null = null;
  let quoting = false;
  let tableHeaderDone = false;
  for (const rawLine of wiki.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      const close = rawLine.indexOf(`{${fence}}`);
      if (close === -1) {
        out.push(rawLine);
        continue;
      }
      if (close > 0) out.push(rawLine.slice(0, close));
      out.push('```');
      const rest = rawLine.slice(close + fence.length + 2);
      fence = null;
      if (rest.trim() !== '') out.push(convertLine(rest, quoting));
      continue;
    }
    const opened = FENCE_OPEN.exec(rawLine);
    if (opened) {
      const kind = opened[1] === 'code' ? 'code' : 'noformat';
      const language = kind === 'code' ? languageOf(opened[2] ?? '') : '';
      const before = rawLine.slice(0, opened.index);
      if (before.trim() !== '') out.push(convertLine(before, quoting));
      out.push(`\`\`\`${language}`);
      const rest = rawLine.slice(opened.index + opened[0].length);
      const close = rest.indexOf(`{${kind}}`);
      if (close === -1) {
        if (rest !== '') out.push(rest);
        fence = kind;
      } else {
        out.push(rest.slice(0, close));
        out.push('```');
        const after = rest.slice(close + kind.length + 2);
        if (after.trim() !== '') out.push(convertLine(after, quoting));
      }
      continue;
    }
    if (QUOTE_TAG.test(rawLine.trim())) {
      quoting = !quoting;
      continue;
    }
    const trimmed = rawLine.trim();
    const isTableRow = trimmed.startsWith('|');
    if (isTableRow) {
      const header = trimmed.startsWith('||');
      const cells = splitTableRow(trimmed).map((c) => convertInline(c.trim()));
      const prefix = quoting ? '> ' : '';
      out.push(`${prefix}| ${cells.join(' | ')} |`);
      if (header || !tableHeaderDone) {
        // Markdown needs a header row; a Jira table without one gets an empty header.
        if (!header) out.splice(out.length - 1, 0, `${prefix}|${' |'.repeat(cells.length)}`);
        out.push(`${prefix}|${' --- |'.repeat(cells.length)}`);
        tableHeaderDone = true;
      }
      continue;
    }
    tableHeaderDone = false;
    out.push(convertLine(rawLine, quoting));
  }
  if (fence) out.push('```');
  return out.join('\n').trimEnd();
}

const FENCE_OPEN = /\{(code|noformat)(?::([^}\n]*))?\}/;
const QUOTE_TAG = /^\{quote\}$/;
const HEADING = /^h([1-6])\.\s+/;
const LIST = /^([*#-]{1,8})\s+/;
const BLOCKQUOTE = /^bq\.\s+/;

function languageOf(options: string): string {
  const first = options.split('|')[0] ?? '';
  return first.includes('=') ? '' : first.trim().replace(/[^\w+#-]/g, '');
}

function convertLine(line: string, quoting: boolean): string {
  const prefix = quoting ? '> ' : '';
  const trimmed = line.trimStart();
  if (trimmed === '----') return `${prefix}---`;
  const heading = HEADING.exec(trimmed);
  if (heading) {
    return `${prefix}${'#'.repeat(Number(heading[1]))} ${convertInline(trimmed.slice(heading[0].length))}`;
  }
  const bq = BLOCKQUOTE.exec(trimmed);
  if (bq) return `> ${convertInline(trimmed.slice(bq[0].length))}`;
  const list = LIST.exec(trimmed);
  if (list) {
    const marks = list[1] ?? '*';
    const depth = marks.length - 1;
    const ordered = marks.endsWith('#');
    const bullet = ordered ? '1.' : '-';
    return `${prefix}${'   '.repeat(depth)}${bullet} ${convertInline(trimmed.slice(list[0].length))}`;
  }
  return `${prefix}${convertInline(line)}`;
}

/** Splits `||a||b||` / `|a|[x|y]|` on pipes outside `[...]` links, in one pass. */
function splitTableRow(row: string): string[] {
  const cells: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (ch === '[') depth++;
    else if (ch === ']' && depth > 0) depth--;
    if (ch === '|' && depth === 0) {
      cells.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  cells.push(current);
  // `||a||b||` leaves empty strings between the doubled pipes and at both ends.
  return cells.filter((c, i) => c !== '' || (i > 0 && i < cells.length - 1 && !row.startsWith('||')));
}

const MONO = /\{\{([^{}\n]*)\}\}/g;

/** Inline markup in one line; `{{mono}}` spans are cut out first so nothing inside them is converted. */
function convertInline(text: string): string {
  if (text === '') return text;
  let result = '';
  let last = 0;
  MONO.lastIndex = 0;
  for (let match = MONO.exec(text); match; match = MONO.exec(text)) {
    result += convertSpans(text.slice(last, match.index)) + codeSpan(match[1] ?? '');
    last = match.index + match[0].length;
  }
  return result + convertSpans(text.slice(last));
}

function codeSpan(code: string): string {
  return code.includes('`') ? `\`\` ${code} \`\`` : `\`${code}\``;
}

const LINK = /\[([^[\]|\n]*)\|([^[\]|\n\s]+)(?:\|[^[\]\n]*)?\]/g;
const BARE_LINK = /\[((?:https?|mailto):[^[\]|\s]+)\]/g;
const MENTION = /\[~(?:accountid:)?([^[\]\s]+)\]/g;
const IMAGE = /!([^!\s|]+)(?:\|[^!\n]*)?!/g;
const COLOR = /\{color(?::[^}\n]*)?\}/g;
const MACRO = /\{(?:panel|anchor|section|column)(?::[^}\n]*)?\}/g;
const BOLD = /(^|[^\w*])\*(?=\S)([^*\n]+)\*(?![\w*])/g;
const ITALIC = /(^|[^\w_])_(?=\S)([^_\n]+)_(?![\w_])/g;
const STRIKE = /(^|[\s(])-(?=[^\s-])([^-\n]+)-(?=$|[\s.,;:!?)])/g;
const UNDERLINE = /(^|[^\w+])\+(?=\S)([^+\n]+)\+(?![\w+])/g;
const CITATION = /\?\?([^?\n]+)\?\?/g;

/** Each replace runs only when its marker character occurs: most lines of prose hold none. */
function convertSpans(text: string): string {
  if (text === '' || !MARKUP.test(text)) return text;
  let out = text;
  if (out.includes('{')) out = out.replace(COLOR, '').replace(MACRO, '');
  if (out.includes('!')) out = out.replace(IMAGE, imageOf);
  if (out.includes('[')) {
    out = out
      .replace(MENTION, '@$1')
      .replace(LINK, (_whole, label: string, url: string) =>
        label === '' ? `<${url}>` : `[${label}](${url})`,
      )
      .replace(BARE_LINK, '<$1>');
  }
  if (out.includes('*')) out = out.replace(BOLD, '$1**$2**');
  if (out.includes('_')) out = out.replace(ITALIC, '$1_$2_');
  if (out.includes('-')) out = out.replace(STRIKE, '$1~~$2~~');
  if (out.includes('+')) out = out.replace(UNDERLINE, '$1$2');
  if (out.includes('??')) out = out.replace(CITATION, '_$1_');
  return out;
}

const MARKUP = /[{![*_\-+?]/;

function imageOf(whole: string, src: string): string {
  return /^(https?:|[^/]+\.\w{2,5}$)/.test(src) ? `![](${src})` : whole;
}
