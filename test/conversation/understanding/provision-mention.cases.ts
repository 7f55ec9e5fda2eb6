/** The provision a turn points at, by number (with the law's short name) or vaguely. */
import { realUnderstanding } from './setup';

const { pipeline } = realUnderstanding();
const mention = (text: string) => pipeline.understand(text, 'analysis').provision;

describe('provision mentions', () => {
  it.each([
    ['治安法第五十条第二款是什么意思', { law: '治安管理处罚法', article: '50', part: '第二款', vague: false }],
    ['刑法第二百九十三条之一', { law: '刑法', article: '293-1', vague: false }],
    ['民法典1032条说的啥', { law: '民法典', article: '1032', vague: false }],
    ['第1033条呢', { article: '1033', vague: false }],
    ['第二款呢', { part: '第二款', vague: false }],
    ['个人信息保护法第（三）项', { law: '个人信息保护法', part: '第（三）项', vague: false }],
    ['刚才说的那个规定是什么意思', { vague: true }],
    ['你刚说的那个第几条是啥意思 62条？', { article: '62', vague: false }],
  ] as const)('reads %s', (text, expected) => {
    expect(mention(text)).toEqual(expected);
  });

  it.each(['收到一条短信', '他们发了15条短信', '个保法哪一条管这个', '刚才那条是不是更严重', '这个法院是真的吗'])('finds no provision in %s', (text) => {
    expect(mention(text)).toBeUndefined();
  });
});
