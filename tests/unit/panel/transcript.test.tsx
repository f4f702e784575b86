import { fireEvent, render, screen, within } from '@testing-library/preact';
import { Transcript, TRANSCRIPT_PAGE } from '@/components/panel/Transcript';
import type { Evidence, TranscriptMessage } from '@/lib/schemas';

/** A long chat: customer and agent taking turns, each message naming its place. */
function conversation(count: number): TranscriptMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `m${i + 1}`,
    author: i % 2 ? 'Jordan Lee' : 'Priya Raman',
    role: i % 2 ? 'agent' : 'customer',
    text: i === count - 3 ? `Message ${i + 1}: my order number is ZX-4411, please check it.` : `Message ${i + 1}: the sync stopped again.`,
  }));
}

const messagesShown = () => within(screen.getByRole('list', { name: 'Conversation' })).getAllByRole('listitem');

describe('Transcript on a long conversation', () => {
  it('lays out one page of messages, says how many there are, and shows the next page on request with focus on its first message', () => {
    render(<Transcript messages={conversation(120)} criteria={[]} onAttach={() => {}} />);
    expect(screen.getByText('Conversation (120 messages)')).toBeTruthy();
    expect(messagesShown()).toHaveLength(TRANSCRIPT_PAGE);
    expect(screen.getByText(/Showing 50 of 120 messages\./)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more messages' }));
    expect(messagesShown()).toHaveLength(100);
    expect(document.activeElement?.textContent).toContain('Message 51:');

    fireEvent.click(screen.getByRole('button', { name: 'Show 20 more messages' }));
    expect(messagesShown()).toHaveLength(120);
    expect(messagesShown().at(-1)?.textContent).toContain('Message 120:');
    expect(screen.queryByRole('button', { name: /more messages/ })).toBeNull();
  });

  it('searches every message, not only the page on screen, and a match there can be quoted as evidence', () => {
    const attached: { criterion: string; evidence: Evidence }[] = [];
    render(<Transcript messages={conversation(120)} criteria={[{ id: 'c1', title: 'Checks the order' }]} onAttach={(criterion, evidence) => attached.push({ criterion, evidence })} />);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search conversation' }), { target: { value: 'ZX-4411' } });
    expect(screen.getByText('1 of 120 messages match')).toBeTruthy();
    const [match] = messagesShown();
    expect(match?.textContent).toContain('Message 118:');

    fireEvent.click(within(match!).getByRole('button', { name: 'Attach as evidence' }));
    fireEvent.click(screen.getByRole('button', { name: 'Checks the order' }));
    expect(attached).toEqual([{ criterion: 'c1', evidence: expect.objectContaining({ messageId: 'm118' }) }]);
  });

  it('starts a new search from its first page', () => {
    render(<Transcript messages={conversation(200)} criteria={[]} onAttach={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show 50 more messages' }));
    expect(messagesShown()).toHaveLength(100);
    fireEvent.change(screen.getByRole('combobox', { name: 'Messages from' }), { target: { value: 'agent' } });
    expect(screen.getByText('100 of 200 messages match')).toBeTruthy();
    expect(messagesShown()).toHaveLength(TRANSCRIPT_PAGE);
    expect(messagesShown().every((item) => item.textContent?.includes('Jordan Lee'))).toBe(true);
  });

  it('shows a short conversation whole, with no button', () => {
    render(<Transcript messages={conversation(3)} criteria={[]} onAttach={() => {}} />);
    expect(messagesShown()).toHaveLength(3);
    expect(screen.queryByRole('button', { name: /more messages/ })).toBeNull();
  });
});
