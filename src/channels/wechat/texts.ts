/**
 * The WeChat channels' texts and menu from prompts/wechat.yaml, validated at load so a missing text or a bad menu
 * entry stops the boot instead of reaching a user as an empty message.
 */
import { join } from 'node:path';
import { readYamlData } from '../../knowledge/yaml-cache';
import { AppError } from '../../errors';
import { COMMANDS } from '../../conversation/commands';
import { createReplies } from '../../replies';

export const WECHAT_TEXT_KEYS = [
  'options_heading', 'voice_unsupported', 'unsupported_message', 'image_too_large', 'image_download_failed', 'busy', 'held_intro',
] as const;
export type WechatTextKey = (typeof WECHAT_TEXT_KEYS)[number];

/** One menu entry: a click on `key` runs `command` or shows the text `reply`; or a `sub` list of clicks. */
export interface MenuItem {
  name: string;
  key?: string;
  command?: string;
  reply?: string;
  sub?: MenuItem[];
}

export interface WechatTexts {
  text(key: string, vars?: Record<string, string | number>): string;
  /** The menu as configured (for publishing it). */
  menu: MenuItem[];
  /** The click entry behind an EventKey, or undefined for a key not in the menu. */
  menuItem(key: string): MenuItem | undefined;
}

/** Validates parsed wechat.yaml, naming every bad entry at once. */
export function createWechatTexts(data: unknown, source = 'wechat.yaml'): WechatTexts {
  const map = (data ?? {}) as Record<string, unknown>;
  const problems: string[] = [];
  const menu = Array.isArray(map.menu) ? (map.menu as MenuItem[]) : [];
  if (menu.length === 0 || menu.length > 3) problems.push('menu (1–3 entries)');
  const clicks: MenuItem[] = [];
  const check = (m: MenuItem, at: string, maxNameBytes: number, nested: boolean) => {
    if (typeof m?.name !== 'string' || m.name.trim() === '' || Buffer.byteLength(m.name) > maxNameBytes) problems.push(`${at}.name (1–${maxNameBytes} bytes)`);
    if (!nested && Array.isArray(m?.sub)) {
      if (m.sub.length === 0 || m.sub.length > 5) problems.push(`${at}.sub (1–5 entries)`);
      m.sub.forEach((s, j) => check(s, `${at}.sub[${j}]`, 60, true));
      return;
    }
    if (typeof m?.key !== 'string' || !/^[A-Za-z0-9_]{1,64}$/.test(m.key)) problems.push(`${at}.key (ASCII, ≤ 64)`);
    const cmdOk = typeof m?.command === 'string' && (COMMANDS as readonly string[]).includes(m.command);
    const replyOk = typeof m?.reply === 'string' && typeof map[m.reply] === 'string';
    if (cmdOk === replyOk) problems.push(`${at} needs exactly one of command (a known command) or reply (a text key)`);
    clicks.push(m);
  };
  menu.forEach((m, i) => check(m, `menu[${i}]`, 16, false));
  for (const k of WECHAT_TEXT_KEYS) if (typeof map[k] !== 'string') problems.push(k);
  if (problems.length) throw new AppError('PROMPTS_INVALID', `${source} is missing or has bad entries: ${problems.join(', ')}`);
  const replies = createReplies(map, source, [...WECHAT_TEXT_KEYS, ...clicks.flatMap((m) => (m.reply ? [m.reply] : []))]);
  const byKey = new Map(clicks.map((m) => [m.key!, m]));
  return { text: (key, vars) => replies.text(key, vars), menu, menuItem: (key) => byKey.get(key) };
}

/** The platforms' menu JSON: click buttons, and sub_button lists. */
export function platformMenu(menu: MenuItem[]): { button: unknown[] } {
  const click = (m: MenuItem) => ({ type: 'click', name: m.name, key: m.key });
  return { button: menu.map((m) => (m.sub ? { name: m.name, sub_button: m.sub.map(click) } : click(m))) };
}

/** Loads and validates <promptsDir>/wechat.yaml. */
export function loadWechatTexts(promptsDir: string): WechatTexts {
  const file = join(promptsDir, 'wechat.yaml');
  let data: unknown;
  try {
    data = readYamlData(file);
  } catch (e) {
    throw new AppError('PROMPTS_INVALID', `${file}: cannot read (${(e as Error).message})`, { cause: e });
  }
  return createWechatTexts(data, file);
}
