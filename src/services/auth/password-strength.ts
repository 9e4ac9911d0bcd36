/**
 * The password rule beyond length (ASVS 2.1.7): refuse common and guessable passwords, and ones built from
 * the user's own e-mail address or name. zxcvbn-ts estimates how many guesses a cracker needs, from
 * dictionaries of leaked passwords, names, English words and keyboard patterns. Server only: the
 * dictionaries weigh megabytes and must never enter the web bundle, so nothing under src/web imports this.
 */
import type { DictionaryMatch, MatchExtended, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { invalidField } from '../errors.ts';

/** zxcvbn's score 3: at least 10^8 guesses, "safely unguessable" against throttled online attacks. */
export const MIN_SCORE = 3;
/** Shorter pieces of an e-mail or name (e.g. "al") are too common in ordinary words to refuse. */
const MIN_PERSONAL_LENGTH = 3;

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded on first use: importing the dictionaries takes over a second, which server start-up and every
 * request that creates no password must not pay.
 */
function getEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
    });
  })();
  return estimator;
}

export interface PasswordOwner {
  email: string;
  name: string;
}

/** The pieces of the owner's identity a password may not contain, lower-cased, each ≥ 3 characters. */
function personalWords(owner: PasswordOwner): { email: string[]; name: string[] } {
  const local = owner.email.toLowerCase().split('@')[0] ?? '';
  const keep = (words: string[]) => words.filter((word) => word.length >= MIN_PERSONAL_LENGTH);
  const name = owner.name.toLowerCase().trim();
  return {
    email: keep([local, ...local.split(/[^\p{L}\p{N}]+/u)]),
    name: keep([name, ...name.split(/[^\p{L}\p{N}]+/u)]),
  };
}

/** Matches from the leaked-password lists (language-common names them `passwords-…`). */
function commonPasswordMatches(sequence: MatchExtended[]): MatchExtended[] {
  return sequence.filter(
    (match) =>
      match.pattern === 'dictionary' && (match as DictionaryMatch).dictionaryName.startsWith('passwords'),
  );
}

/**
 * Why a password is refused, or null when it is acceptable. The reason reads after the field name:
 * "password contains your e-mail address".
 */
export async function passwordWeakness(password: string, owner: PasswordOwner): Promise<string | null> {
  const lowered = password.normalize('NFKC').toLowerCase();
  const personal = personalWords(owner);
  if (personal.name.some((word) => lowered.includes(word))) return 'contains your name';
  if (personal.email.some((word) => lowered.includes(word))) return 'contains your e-mail address';
  const result = (await getEstimator()).check(password, [...personal.email, ...personal.name]);
  if (result.score >= MIN_SCORE) return null;
  const leaked = commonPasswordMatches(result.sequence);
  if (leaked.length === 1 && result.sequence.length === 1) return 'is one of the most common passwords';
  if (leaked.length > 0) return 'is a common password with small changes';
  const warning = result.feedback.warning;
  return warning ? `is too easy to guess (${warning.replace(/\.$/, '')})` : 'is too easy to guess';
}

/** Throws a 400 naming `password` when the password is weak for this user. */
export async function assertStrongPassword(password: string, owner: PasswordOwner): Promise<void> {
  const weakness = await passwordWeakness(password, owner);
  if (weakness) throw invalidField('password', weakness);
}
