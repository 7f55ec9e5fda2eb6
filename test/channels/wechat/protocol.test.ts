/**
 * The WeChat / WeCom protocol pieces against the platform's published test vectors (WeCom's WXBizMsgCrypt
 * samples: Token QDG6eK, EncodingAESKey jWmYm7…B2C, CorpID wx5823bf96d3bd56c7), plus the checks added around
 * them: receiver id, replay window, XML parsing, byte splitting and message reading.
 */
import { createHash } from 'node:crypto';
import { decrypt } from '@wecom/crypto';
import { EnvelopeError, openCipher, sealCipher, sealReply } from '../../../src/channels/wechat/envelope';
import { msgSignature, plainSignature, sameDigest, withinWindow } from '../../../src/channels/wechat/signature';
import { buildXml, parseFlatXml, XmlError } from '../../../src/channels/wechat/xml';
import { splitByBytes } from '../../../src/channels/wechat/split-bytes';
import { describeMessage } from '../../../src/channels/wechat/inbound';
import { createWechatTexts, loadWechatTexts, platformMenu } from '../../../src/channels/wechat/texts';
import { errorKind } from '../../../src/channels/wechat/api';
import { PACKAGE_ROOT } from '../../../src/paths';
import { join } from 'node:path';

const TOKEN = 'QDG6eK';
const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const CORP_ID = 'wx5823bf96d3bd56c7';
const KEYS = { token: TOKEN, encodingAesKey: AES_KEY, receiveId: CORP_ID };

// Published vectors: URL verification and one encrypted callback.
const VERIFY = { sig: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', ts: '1409659589', nonce: '263014780', echo: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==' };
const MSG = {
  sig: '477715d11cdb4164915debcba66cb864d751f3e6',
  ts: '1409659813',
  nonce: '1372623149',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};

describe('secure mode against the published vectors', () => {
  it('checks the URL-verification msg_signature and decrypts echostr', () => {
    expect(msgSignature(TOKEN, VERIFY.ts, VERIFY.nonce, VERIFY.echo)).toBe(VERIFY.sig);
    expect(openCipher(KEYS, VERIFY.echo)).toBe('1616140317555161061');
  });

  it('checks a message msg_signature and decrypts it to the documented plaintext', () => {
    expect(msgSignature(TOKEN, MSG.ts, MSG.nonce, MSG.encrypt)).toBe(MSG.sig);
    const fields = parseFlatXml(openCipher(KEYS, MSG.encrypt));
    expect(fields).toMatchObject({ ToUserName: CORP_ID, FromUserName: 'mycreate', CreateTime: '1409659813', MsgType: 'text', Content: 'hello', MsgId: '4561255354251345929', AgentID: '218' });
  });

  it('refuses a plaintext addressed to another receiver, a tampered cipher and junk', () => {
    expect(() => openCipher({ ...KEYS, receiveId: 'wx0000000000000000' }, MSG.encrypt)).toThrow(EnvelopeError);
    const tampered = `${MSG.encrypt.slice(0, 40)}${MSG.encrypt[40] === 'A' ? 'B' : 'A'}${MSG.encrypt.slice(41)}`;
    expect(() => openCipher(KEYS, tampered)).toThrow(EnvelopeError);
    expect(() => openCipher(KEYS, 'not base64 at all!')).toThrow(EnvelopeError);
    expect(() => openCipher(KEYS, Buffer.alloc(20).toString('base64'))).toThrow(EnvelopeError);
  });

  it('encrypts so that the platform side (the library) decrypts, with its 32-byte padding', () => {
    const text = '<xml><Content><![CDATA[中文的长度按字节算]]></Content></xml>';
    const cipher = sealCipher(KEYS, text);
    expect(Buffer.from(cipher, 'base64').length % 32).toBe(0);
    expect(decrypt(AES_KEY, cipher)).toMatchObject({ message: text, id: CORP_ID });
  });

  it('seals a passive reply whose MsgSignature covers its Encrypt, TimeStamp and Nonce', () => {
    const sealed = parseFlatXml(sealReply(KEYS, buildXml({ Content: '你好' }), '1409659813', '1372623149'));
    expect(sealed.MsgSignature).toBe(msgSignature(TOKEN, '1409659813', '1372623149', sealed.Encrypt!));
    expect(parseFlatXml(decrypt(AES_KEY, sealed.Encrypt!).message).Content).toBe('你好');
  });
});

describe('plaintext signature and replay window', () => {
  it('is sha1 of the sorted token, timestamp and nonce', () => {
    const expected = createHash('sha1').update(['1409659813', '1372623149', TOKEN].sort().join('')).digest('hex');
    expect(plainSignature(TOKEN, '1409659813', '1372623149')).toBe(expected);
    expect(sameDigest(expected.toUpperCase(), expected)).toBe(true);
    expect(sameDigest(`${expected}0`, expected)).toBe(false);
    expect(sameDigest(undefined, expected)).toBe(false);
  });

  it('accepts timestamps within five minutes and refuses older, newer and malformed ones', () => {
    const now = 1_700_000_000_000;
    expect(withinWindow('1700000000', now)).toBe(true);
    expect(withinWindow(String(1_700_000_000 - 299), now)).toBe(true);
    expect(withinWindow(String(1_700_000_000 - 301), now)).toBe(false);
    expect(withinWindow(String(1_700_000_000 + 301), now)).toBe(false);
    expect(withinWindow('17e8', now)).toBe(false);
    expect(withinWindow(undefined, now)).toBe(false);
  });
});

describe('XML', () => {
  it('keeps a 64-bit MsgId exact and reads CDATA', () => {
    expect(parseFlatXml('<xml><MsgId>9223372036854775807</MsgId><Content><![CDATA[a < b & c]]></Content></xml>')).toEqual({ MsgId: '9223372036854775807', Content: 'a < b & c' });
  });

  it('refuses DOCTYPE / entity declarations and non-XML', () => {
    expect(() => parseFlatXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><xml><C>&a;</C></xml>')).toThrow(XmlError);
    expect(() => parseFlatXml('{"json": true}')).toThrow(XmlError);
    expect(() => parseFlatXml('')).toThrow(XmlError);
  });

  it('builds CDATA that a quoted "]]>" cannot break out of', () => {
    const xml = buildXml({ Content: 'x]]><Evil>1</Evil>', CreateTime: 5 });
    expect(parseFlatXml(xml)).toEqual({ Content: 'x]]><Evil>1</Evil>', CreateTime: '5' });
  });
});

describe('splitByBytes', () => {
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  it('packs paragraphs whole within the byte limit and keeps their order', () => {
    const paras = Array.from({ length: 12 }, (_, i) => `第${i}段：${'催收不得威胁恐吓。'.repeat(10)}`);
    const parts = splitByBytes(paras.join('\n\n'), 2048);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(bytes(p)).toBeLessThanOrEqual(2048);
    expect(parts.join('\n\n')).toBe(paras.join('\n\n'));
    for (const p of parts) expect(p.startsWith('第')).toBe(true); // cut only between paragraphs
  });

  it('cuts a paragraph over the limit after punctuation, never inside a character', () => {
    const long = '这是一句很长的话，'.repeat(300) + '😀'.repeat(10);
    const parts = splitByBytes(long, 100);
    for (const p of parts) {
      expect(bytes(p)).toBeLessThanOrEqual(100);
      expect(p).not.toMatch(/\uFFFD/);
    }
    expect(parts.join('')).toBe(long);
  });

  it('gives no part for empty text', () => {
    expect(splitByBytes('\n\n  \n\n')).toEqual([]);
  });
});

describe('reading callbacks', () => {
  const base = { ToUserName: 'gh_1', FromUserName: 'oUser_1', CreateTime: '1700000000' };

  it('reads text, images, voice, links, greetings and menu clicks', () => {
    expect(describeMessage({ ...base, MsgType: 'text', Content: '你好', MsgId: '1' })).toEqual({ id: 'm:1', user: 'oUser_1', createdAt: 1_700_000_000_000, content: { type: 'text', text: '你好' } });
    expect(describeMessage({ ...base, MsgType: 'image', MediaId: 'M1', PicUrl: 'http://x', MsgId: '2' })?.content).toEqual({ type: 'image', mediaId: 'M1' });
    expect(describeMessage({ ...base, MsgType: 'voice', MediaId: 'V', Recognition: '他说要上门', MsgId: '3' })?.content).toEqual({ type: 'voice', recognition: '他说要上门' });
    expect(describeMessage({ ...base, MsgType: 'voice', MediaId: 'V', MsgId: '4' })?.content).toEqual({ type: 'voice' });
    expect(describeMessage({ ...base, MsgType: 'link', Title: '催收通知', Description: '明天上门', Url: 'http://x', MsgId: '5' })?.content.type).toBe('link');
    expect(describeMessage({ ...base, MsgType: 'event', Event: 'subscribe' })?.content).toEqual({ type: 'greeting' });
    expect(describeMessage({ ...base, MsgType: 'event', Event: 'enter_agent' })?.content).toEqual({ type: 'greeting' });
    expect(describeMessage({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'EVIDENCE' })?.content).toEqual({ type: 'menu', key: 'EVIDENCE' });
    expect(describeMessage({ ...base, MsgType: 'video', MediaId: 'X', MsgId: '6' })?.content).toEqual({ type: 'unsupported', what: 'video' });
  });

  it('ignores events it does not act on and callbacks without a sane sender', () => {
    expect(describeMessage({ ...base, MsgType: 'event', Event: 'unsubscribe' })).toBeNull();
    expect(describeMessage({ ...base, MsgType: 'event', Event: 'VIEW', EventKey: 'http://x' })).toBeNull();
    expect(describeMessage({ ...base, FromUserName: '../etc', MsgType: 'text', Content: 'x' })).toBeNull();
  });

  it('gives events an id from sender, time and event, so their retries dedupe too', () => {
    const a = describeMessage({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'PRIVACY' })!;
    const b = describeMessage({ ...base, MsgType: 'event', Event: 'CLICK', EventKey: 'PRIVACY' })!;
    expect(a.id).toBe(b.id);
  });
});

describe('texts and menu', () => {
  it('loads prompts/wechat.yaml with the four menu functions and publishes click buttons', () => {
    const texts = loadWechatTexts(join(PACKAGE_ROOT, 'prompts'));
    expect(texts.menuItem('EVIDENCE')?.command).toBe('evidence');
    expect(texts.menuItem('PRIVACY')?.command).toBe('privacy');
    expect(texts.text(texts.menuItem('HOTLINES')!.reply!)).toContain('12348');
    expect(texts.text(texts.menuItem('ANALYZE')!.reply!).length).toBeGreaterThan(10);
    const menu = platformMenu(texts.menu) as { button: Array<{ name: string; sub_button?: unknown[] }> };
    expect(menu.button.length).toBeLessThanOrEqual(3);
    for (const b of menu.button) expect(Buffer.byteLength(b.name)).toBeLessThanOrEqual(16);
  });

  it('names every bad entry at once', () => {
    expect(() => createWechatTexts({ menu: [{ name: '一二三四五六', key: 'bad key', command: 'nope' }] })).toThrow(/menu\[0\]\.name.*menu\[0\]\.key.*exactly one.*options_heading/s);
  });

  it('classifies errcodes', () => {
    expect([40001, 42001, 45011, -1, 45015, 45047, 40003].map(errorKind)).toEqual(['token', 'token', 'rate_limited', 'rate_limited', 'window_closed', 'window_closed', 'refused']);
  });
});
