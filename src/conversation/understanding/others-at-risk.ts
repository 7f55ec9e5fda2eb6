/**
 * Someone else at risk: a parent, partner or friend tells that a person close to them said they want to die
 * ("我儿子刚给我发消息说对不起 说要去死 现在电话打不通"). The user is not the one in danger, so the own-crisis
 * reader stays silent; but someone must go to that person now. Read only when the user's own words carry no risk.
 * Cues are data in knowledge/understanding/crisis.yaml (others_at_risk, others_unless, others_found).
 */
import type { CrisisCues } from '../../knowledge/understanding-data';
import type { CueCompiler } from './cues';

/** `risk` when the turn tells of someone else's wish to die, `found` when that person was reached. */
export type OthersReader = (t: string) => 'risk' | 'found' | undefined;

export function createOthersReader(cues: Pick<CrisisCues, 'others_at_risk' | 'others_unless' | 'others_found'>, compiler: CueCompiler): OthersReader {
  const atRisk = compiler.compile(cues.others_at_risk, 'message');
  const unless = compiler.compile(cues.others_unless, 'message');
  const found = compiler.compile(cues.others_found);
  return (t) => {
    if (cues.others_at_risk.length && atRisk.test(t) && !unless.test(t)) return 'risk';
    if (cues.others_found.length && found.test(t)) return 'found';
    return undefined;
  };
}

/**
 * True when the turn asks how to help someone else whose words of death it tells ("我弟老说活着没意思 我该怎么劝
 * 他"): the risk words are that person's, so the turn is no crisis of the user's own. False when the user speaks of
 * their own wish too, or that person is out of reach or has acted (then it is the urgent search, `risk`).
 */
export function createOthersHelpReader(cues: Pick<CrisisCues, 'others_help' | 'others_help_at_risk' | 'others_help_unless' | 'others_unless'>, compiler: CueCompiler): (t: string) => boolean {
  if (!cues.others_help.length || !cues.others_help_at_risk.length) return () => false;
  const asks = compiler.compile(cues.others_help, 'message');
  const atRisk = compiler.compile(cues.others_help_at_risk, 'message');
  const unless = compiler.compile([...cues.others_unless, ...cues.others_help_unless], 'message');
  return (t) => asks.test(t) && atRisk.test(t) && !unless.test(t);
}
