export { PII_KINDS, PII_LABELS, placeholderFor, type PiiKind } from './pii-kinds';
export { DEFAULT_RULES, findPersonalData, redactText, redactionRules, type Finding, type RedactionRules } from './redact';
export { checkCustomPattern, MAX_CUSTOM_MATCH_CHARS, type CompiledPattern, type PatternCheck } from './custom-patterns';
export { redactAcknowledgement, redactDeep, redactDispute, redactEvaluation, redactObservedTicket, redactRecord, redactTicket } from './redact-records';
export { emailFingerprint, isEmailAddress, normaliseEmail, withEmailFingerprints } from './email-fingerprint';
