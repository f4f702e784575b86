import { parsePastedTranscript } from '@/lib/evaluations/parse-pasted-transcript';

describe('a pasted conversation', () => {
  it('splits on speakers, keeps continuation lines, and takes the first speaker as the customer', () => {
    const messages = parsePastedTranscript('Dana: Hi, my refund has not arrived.\nOrder #4411.\n\n[10:02] Alex Moreno: Sorry about that!\nAlex Moreno: Issued today.');
    expect(messages).toEqual([
      { id: 'pasted-1', author: 'Dana', role: 'customer', text: 'Hi, my refund has not arrived.\nOrder #4411.' },
      { id: 'pasted-2', author: 'Alex Moreno', role: 'agent', text: 'Sorry about that!' },
      { id: 'pasted-3', author: 'Alex Moreno', role: 'agent', text: 'Issued today.' },
    ]);
  });

  it.each([
    ['Agent: hello\nCustomer: hi', ['agent', 'customer']],
    ['Chatbot: How can I help?\nVisitor: refund\nInternal note: VIP', ['bot', 'customer', 'internal']],
  ])('reads roles from names that say them: %j', (text, roles) => {
    expect(parsePastedTranscript(text).map((m) => m.role)).toEqual(roles);
  });

  it('keeps markup as plain text and treats text with no speaker as one message', () => {
    expect(parsePastedTranscript('<script>alert(1)</script> please help')).toEqual([
      { id: 'pasted-1', author: 'Unknown', role: 'customer', text: '<script>alert(1)</script> please help' },
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(parsePastedTranscript('  \n\n ')).toEqual([]);
  });
});
