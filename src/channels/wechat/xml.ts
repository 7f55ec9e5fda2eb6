/**
 * The platforms' flat XML: <xml> with one level of fields, text in CDATA. Parsing keeps every value a string (a
 * MsgId is a 64-bit number that would lose digits as a JS number) and refuses DOCTYPE and entity declarations
 * outright; building wraps strings in CDATA, splitting any "]]>" inside so a quoted message cannot end it.
 */
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, processEntities: true, htmlEntities: false });

/** Thrown for a body that is not the platform's XML. */
export class XmlError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'XmlError';
  }
}

/** The string fields of <xml>…</xml>; nested elements are skipped. Throws XmlError for anything else. */
export function parseFlatXml(body: string): Record<string, string> {
  if (/<!DOCTYPE|<!ENTITY/i.test(body)) throw new XmlError('DOCTYPE and entity declarations are refused');
  let doc: unknown;
  try {
    doc = parser.parse(body);
  } catch {
    throw new XmlError('malformed XML');
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (!root || typeof root !== 'object') throw new XmlError('no <xml> root');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Builds <xml>…</xml>: strings in CDATA, numbers bare. */
export function buildXml(fields: Record<string, string | number>): string {
  const parts = Object.entries(fields).map(([k, v]) =>
    typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]></${k}>`,
  );
  return `<xml>${parts.join('')}</xml>`;
}
