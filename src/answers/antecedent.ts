/**
 * "这个是我妈收到的 我妈都吓哭了 她要还吗": the clause that asks starts with a pronoun, so on its own it names no
 * topic ("她要还吗" could be anyone). Read with the person an earlier clause of the same question named, it does
 * ("我妈要还吗"). Only 他/她 at the start of a clause, never 他们 (the collectors), and only a person named before it.
 */

/** Clause boundaries: punctuation and spaces. */
const BOUNDARY = /([，,。.！!？?；;、\s]+)/;

export interface PronounPeople {
  pronouns: string[];
  people: string[];
}

/** `question` with each clause-initial 他/她 replaced by the person last named before it, if any. */
export function withAntecedents(question: string, lexicon: PronounPeople): string {
  if (!lexicon.pronouns.length || !lexicon.people.length) return question;
  const parts = question.split(BOUNDARY);
  let named: string | undefined;
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part; // a separator
      const pronoun = lexicon.pronouns.find((p) => part.startsWith(p) && !part.startsWith(`${p}们`));
      const out = pronoun && named ? `${named}${part.slice(pronoun.length)}` : part;
      const last = lastPerson(part, lexicon.people);
      if (last) named = last;
      return out;
    })
    .join('');
}

/** The person named last in `text`: the name ending last, the longest of those ("我老公" over "老公"). */
function lastPerson(text: string, people: string[]): string | undefined {
  let best: { end: number; name: string } | undefined;
  for (const name of people) {
    const at = text.lastIndexOf(name);
    const end = at + name.length;
    if (at >= 0 && (!best || end > best.end || (end === best.end && name.length > best.name.length))) best = { end, name };
  }
  return best?.name;
}
