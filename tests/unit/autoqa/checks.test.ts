import { analyseConversation, prepare, runCheck, type AutoQaConversation } from '../../../lib/autoqa';
import { canonicalPhrase, find, normalise } from '../../../lib/autoqa/normal-text';
import { TextSpanSchema, AUTOQA_CHECK_IDS } from '../../../lib/schemas';
import { LABELLED_SET } from '../../fixtures/autoqa/labelled-set';

const chat = (messages: AutoQaConversation['messages'], extra: Partial<AutoQaConversation> = {}): AutoQaConversation => ({ channel: 'chat', customerName: 'Lee Park', messages, ...extra });
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 3, 14, 0, seconds)).toISOString();
const customer = (seconds: number, text: string) => ({ role: 'customer' as const, author: 'Lee Park', time: at(seconds), text });
const agent = (seconds: number, text: string) => ({ role: 'agent' as const, author: 'Sam', time: at(seconds), text });

describe('phrase variants', () => {
  it.each([
    ["can't help", 'I cannot help you there', 'cannot'],
    ["can't help", 'I can not help you there', 'can not'],
    ['cannot help', "I can’t help you there", 'can’t'],
    ["that's not my problem", 'THAT IS NOT MY PROBLEM', 'THAT IS NOT MY PROBLEM'],
    ['calm down', 'Please calm-down, sir', 'calm-down'],
    ['no es mi problema', 'Eso no es mí problema', 'no es mí problema'],
    ['apologize', 'We apologise for that', 'apologise'],
  ])('“%s” matches “%s” at the very characters typed', (phrase, text, typed) => {
    const [hit] = find(normalise(text), canonicalPhrase(phrase));
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toContain(typed.split(' ')[0]!);
    expect(text.slice(hit!.start, hit!.end).length).toBeGreaterThanOrEqual(typed.length - 1);
  });

  it('matches whole words only', () => {
    expect(find(normalise('Your damnation of the product…'), canonicalPhrase('damn'))).toEqual([]);
    expect(find(normalise('Hi, this is Sam'), canonicalPhrase('his'))).toEqual([]);
  });
});

describe('the checks on hand-picked conversations', () => {
  it('greeting fails with the opening cited when the first reply does not greet, and passes on a greeting by name', () => {
    const rude = prepare(chat([customer(0, 'My app logs me out'), agent(30, 'Which version are you on? Update it.')]));
    const result = runCheck(rude, 'greeting');
    expect(result.outcome).toBe('fail');
    expect(result.evidence).toEqual([{ message: 1, start: 0, end: 25 }]);
    const kind = prepare(chat([customer(0, 'My app logs me out'), agent(30, 'Hi Lee, sorry about that!')]));
    expect(runCheck(kind, 'greeting')).toMatchObject({ outcome: 'pass', evidence: [{ message: 1, start: 0, end: 2 }, { message: 1, start: 3, end: 6 }] });
  });

  it('prohibited phrases come from the team list with variants, plus the built-in list unless turned off', () => {
    const conversation = prepare(chat([customer(0, 'Help?'), agent(20, "Hi Lee, no worries at all. Obviously that's fixed now.")]));
    const team = runCheck(conversation, 'prohibited-phrase', { phrases: ['No  Worries!'], includeDefaultPhrases: false });
    expect(team.outcome).toBe('fail');
    expect(team.evidence).toEqual([{ message: 1, start: 8, end: 18 }]);
    const both = runCheck(conversation, 'prohibited-phrase', { phrases: ['no worries'] });
    expect(both.evidence).toHaveLength(2);
    expect(runCheck(conversation, 'prohibited-phrase', { phrases: [], includeDefaultPhrases: false }).outcome).toBe('unknown');
  });

  it('response times follow the channel target, or the criterion’s own threshold', () => {
    const conversation = prepare(chat([customer(0, 'Hello?'), agent(90, 'Hi Lee, sorry for the wait!')]));
    expect(runCheck(conversation, 'first-response')).toMatchObject({ outcome: 'fail', reason: 'First response after 1 min 30 s, over the 1 min target.' });
    expect(runCheck(conversation, 'first-response', { thresholdMinutes: 2 }).outcome).toBe('pass');
    const email = prepare({ ...chat([customer(0, 'Hello?'), agent(90, 'Hi Lee')]), channel: 'email' });
    expect(runCheck(email, 'first-response').outcome).toBe('pass');
    const untimed = prepare(chat([{ ...customer(0, 'Hello?'), time: undefined }, { ...agent(0, 'Hi Lee'), time: undefined }]));
    expect(runCheck(untimed, 'first-response').outcome).toBe('unknown');
  });

  it('a customer still waiting at the end of the transcript waited at least that long', () => {
    const conversation = prepare(chat([customer(0, 'Hello, anyone?'), customer(600, 'Hello???')]));
    expect(runCheck(conversation, 'longest-silence')).toMatchObject({ outcome: 'fail' });
    expect(runCheck(conversation, 'first-response').reason).toMatch(/No agent reply 10 min after/);
  });

  it('finds Luhn-valid card numbers, passwords and codes typed by the agent, never the customer’s', () => {
    const conversation = prepare(chat([
      customer(0, 'My card is 4111 1111 1111 1111'),
      agent(20, 'Hi Lee, your order 1234567890123 is on its way. Your temporary password is Spring2026!'),
    ]));
    const result = runCheck(conversation, 'agent-shared-pii');
    expect(result.outcome).toBe('fail');
    expect(result.evidence).toHaveLength(1);
    const [span] = result.evidence;
    expect(conversation.messages[1]!.text.slice(span!.start, span!.end)).toBe('Spring2026!');
  });

  it('answers “cannot tell” for language-dependent checks on other languages, and still checks times and card numbers', () => {
    const spanish = analyseConversation(chat([customer(0, 'Hola, no puedo acceder a mi cuenta desde ayer.'), agent(200, 'Hola Lee, lo siento. Su tarjeta 4111 1111 1111 1111 está bloqueada.')]));
    for (const id of ['greeting', 'closing', 'empathy', 'agent-tone', 'next-steps'] as const) {
      expect(spanish.checks[id]).toMatchObject({ outcome: 'unknown', confidence: 0 });
      expect(spanish.checks[id].reason).toMatch(/Spanish/);
    }
    expect(spanish.checks['first-response'].outcome).toBe('fail');
    expect(spanish.checks['agent-shared-pii'].outcome).toBe('fail');
  });

  it('flags escalation and negative sentiment with reasons, and says whether the mood improved', () => {
    const { spotlight } = analyseConversation(chat([
      customer(0, 'This is ridiculous, I want to speak to a manager.'),
      agent(20, 'Hi Lee, I am so sorry. I have refunded you now.'),
      customer(40, 'Oh great, thank you so much!'),
    ]));
    expect(spotlight.map((f) => f.kind)).toEqual(['negative-sentiment', 'escalation']);
    expect(spotlight[0]).toMatchObject({ improved: true });
    expect(spotlight[0]!.reason).toMatch(/improved by the end/);
    expect(spotlight[1]!.reason).toBe('The customer uses escalation language: “manager”.');
  });
});

describe('every answer on the labelled set', () => {
  const analyses = LABELLED_SET.map((item) => ({ item, analysis: analyseConversation(item.conversation) }));

  it('cites spans inside the messages it names, with a confidence of 0 exactly when it cannot tell', () => {
    for (const { item, analysis } of analyses) {
      for (const id of AUTOQA_CHECK_IDS) {
        const result = analysis.checks[id];
        expect(result.reason, `${item.id} ${id}`).not.toBe('');
        expect(result.outcome === 'unknown', `${item.id} ${id}`).toBe(result.confidence === 0);
        for (const span of [...result.evidence, ...analysis.spotlight.flatMap((f) => f.evidence)]) {
          TextSpanSchema.parse(span);
          expect(span.end, `${item.id} ${id}`).toBeLessThanOrEqual(item.conversation.messages[span.message]!.text.length);
        }
      }
    }
  });
});
