import type { TextSpan } from '../../schemas';
import type { PreparedConversation, PreparedMessage } from '../prepare';
import { cannotTell, result, span, type CheckResult } from '../result';

/** 13–19 digits, optionally grouped by spaces or dashes, not part of a longer number. */
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
/**
 * A password, passcode or PIN followed by its value. Labels in a few languages, since the value
 * itself (digits, symbols) reads the same in any.
 */
const SECRET =
  /\b(?:password|passcode|passwd|pwd|pin|one[- ]time code|verification code|passwort|kennwort|contraseña|contrasena|mot de passe|senha|wachtwoord|hasło|haslo|parola)\b(?:\s+(?:is|was|will be|is now|now is|has been (?:reset|changed|set) to|set to|reset to|changed to|ist|es|est|é|è))?\s*[:=]?\s*["'“‘]?([^\s"'”’,;]{4,64})/giu;
const SECURITY_CODE = /\b(?:cvv|cvc|cvv2|security code)\b\s*(?:is|:)?\s*(\d{3,4})\b/giu;
/** US social security numbers, as written. */
const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A value looks like a secret when it has a digit or a symbol, or mixes case inside the word ("hunter2", "Tr0ub4dor", "x7!kQ"). */
const secretLike = (value: string) => /\d/.test(value) || /[^\p{L}\p{N}.]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value);

export interface Finding {
  kind: 'card number' | 'password' | 'security code' | 'social security number';
  span: TextSpan;
}

export function personalData(message: PreparedMessage): Finding[] {
  const found: Finding[] = [];
  for (const m of message.text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhn(digits)) found.push({ kind: 'card number', span: span(message.index, m.index, m.index + m[0].length) });
  }
  for (const m of message.text.matchAll(SECRET)) {
    const value = m[1]!;
    if (!secretLike(value)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    found.push({ kind: 'password', span: span(message.index, start, start + value.length) });
  }
  for (const m of message.text.matchAll(SECURITY_CODE)) {
    const start = m.index + m[0].lastIndexOf(m[1]!);
    found.push({ kind: 'security code', span: span(message.index, start, start + m[1]!.length) });
  }
  for (const m of message.text.matchAll(SSN)) found.push({ kind: 'social security number', span: span(message.index, m.index, m.index + m[0].length) });
  return found;
}

/** No agent reply carries a card number (Luhn-checked), a password or PIN with its value, a card security code or an SSN. */
export function agentSharedPii(conversation: PreparedConversation): CheckResult {
  if (conversation.agentReplies.length === 0) return cannotTell('No agent reply to judge.');
  const found = conversation.agentReplies.flatMap(personalData);
  if (found.length > 0) {
    const kinds = [...new Set(found.map((f) => f.kind))].join(', ');
    return result('fail', 0.95, `An agent reply contains personal data: ${kinds}.`, found.map((f) => f.span));
  }
  const english = conversation.language.english === true;
  return result('pass', english ? 0.85 : 0.75, 'No card number, password, security code or SSN in the agent replies.');
}

/** Digits and secrets hidden, so evidence quoted from a message never stores the data itself. */
export function maskPersonalData(text: string): string {
  return text.replace(/\d/g, '•');
}
