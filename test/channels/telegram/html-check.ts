/** Checks on HTML parts the bot sends, shared by the splitter tests and the end-to-end tests. */

/** Checks that tags in `html` nest properly and all close; returns the problem or ''. */
export function tagProblem(html: string): string {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (!m[1]) stack.push(m[2]!);
    else if (stack.pop() !== m[2]) return `unbalanced </${m[2]}>`;
  }
  if (stack.length) return `unclosed <${stack.join('>, <')}>`;
  if (/<[^>]*$/.test(html) || /&[a-z#0-9]*$/.test(html)) return 'cut inside a tag or entity';
  return '';
}
