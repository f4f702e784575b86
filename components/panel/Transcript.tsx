import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { evidenceFromSelection } from '@/lib/evaluations/evidence';
import type { Evidence, MessageRole, TranscriptMessage } from '@/lib/schemas';
import { formatMessageTime, ROLE_LABELS } from '../shared/message-format';

/** A passage an automatic check cited: characters `start`–`end` of a message's text, and which check said what. */
export interface Highlight {
  start: number;
  end: number;
  label: string;
}

export interface EvidenceTarget {
  id: string;
  title: string;
}

interface Props {
  messages: TranscriptMessage[];
  /** Criteria evidence can be attached to; none while there is no scorecard to attach to. */
  criteria: EvidenceTarget[];
  onAttach: (criterionId: string, evidence: Evidence) => void;
  /** Passages cited by automatic checks, by message id. */
  highlights?: ReadonlyMap<string, readonly Highlight[]>;
}

/**
 * Messages rendered at a time. A 640 KiB conversation holds over a thousand messages, and laying all
 * of them out kept the panel from answering for about half a second; the rest stay one button away,
 * and search still looks through every message.
 */
export const TRANSCRIPT_PAGE = 50;

const matches = (message: TranscriptMessage, query: string, role: MessageRole | '') =>
  (role === '' || message.role === role) && (query === '' || `${message.author}\n${message.text}`.toLocaleLowerCase().includes(query.toLocaleLowerCase()));

/**
 * The conversation as a searchable list of messages, each of which (or a passage selected in it)
 * can be attached to a criterion as evidence. Whatever the helpdesk page held, nothing here is HTML.
 */
export function Transcript({ messages, criteria, onAttach, highlights }: Props) {
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<MessageRole | ''>('');
  const [status, setStatus] = useState('');
  const [limit, setLimit] = useState(TRANSCRIPT_PAGE);
  // After "Show more", focus moves to the first message it added, so keyboard and screen-reader users read on from there.
  const list = useRef<HTMLOListElement>(null);
  const focusIndex = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (focusIndex.current === null) return;
    list.current?.querySelectorAll<HTMLElement>(':scope > li')[focusIndex.current]?.focus();
    focusIndex.current = null;
  }, [limit]);
  if (messages.length === 0) return null;
  const matching = messages.filter((m) => matches(m, query.trim(), role));
  const shown = matching.slice(0, limit);
  const rest = matching.length - shown.length;
  const roles = [...new Set(messages.map((m) => m.role))];
  // A new search or filter starts again from its first page.
  const filterBy = (next: () => void) => {
    next();
    setLimit(TRANSCRIPT_PAGE);
  };
  return (
    <details class="transcript">
      <summary>
        Conversation ({messages.length} messages{cited(highlights)})
      </summary>
      <div class="transcript-filters">
        <label class="field">
          Search conversation
          <input type="search" value={query} onInput={(e) => filterBy(() => setQuery(e.currentTarget.value))} />
        </label>
        {roles.length > 1 && (
          <label class="field">
            Messages from
            <select value={role} onChange={(e) => filterBy(() => setRole(e.currentTarget.value as MessageRole | ''))}>
              <option value="">Everyone</option>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="muted" role="status">
        {matching.length !== messages.length && `${matching.length} of ${messages.length} messages match`}
      </p>
      <ol aria-label="Conversation" ref={list}>
        {shown.map((message) => (
          <Message
            key={message.id}
            message={message}
            criteria={criteria}
            highlights={highlights?.get(message.id)}
            onAttach={(criterion, evidence, passage) => {
              onAttach(criterion.id, evidence);
              setStatus(`Attached ${passage ? 'the selected passage' : 'the message'} to ${criterion.title}.`);
            }}
          />
        ))}
      </ol>
      {rest > 0 && (
        <p class="transcript-more">
          <span class="muted">
            Showing {formatCount(shown.length)} of {formatCount(matching.length)} messages.{' '}
          </span>
          <button
            type="button"
            onClick={() => {
              focusIndex.current = shown.length;
              setLimit(shown.length + TRANSCRIPT_PAGE);
            }}
          >
            Show {formatCount(Math.min(rest, TRANSCRIPT_PAGE))} more messages
          </button>
        </p>
      )}
      <p role="status" class="muted">
        {status}
      </p>
    </details>
  );
}

/** The text selected inside `element`, or '' when the selection lies (even partly) elsewhere. */
function selectionWithin(element: HTMLElement | null): string {
  const selection = window.getSelection();
  if (!element || !selection || selection.isCollapsed || selection.rangeCount === 0) return '';
  const range = selection.getRangeAt(0);
  return element.contains(range.startContainer) && element.contains(range.endContainer) ? selection.toString() : '';
}

const formatCount = (n: number) => n.toLocaleString('en-GB');

function cited(highlights: Props['highlights']): string {
  const count = [...(highlights?.values() ?? [])].reduce((n, list) => n + list.length, 0);
  if (count === 0) return '';
  return count === 1 ? ', 1 passage cited by an automatic check' : `, ${count} passages cited by automatic checks`;
}

/**
 * A message's text cut into plain and cited pieces: overlapping citations merge, each piece names
 * every check that cited it. Still only text nodes: the pieces are strings, never markup.
 */
export function highlightPieces(text: string, highlights: readonly Highlight[] = []): { text: string; labels: string[] }[] {
  const cuts = new Set([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: { text: string; labels: string[] }[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const labels = [...new Set(highlights.filter((h) => h.start <= from && h.end >= to).map((h) => h.label))];
    const last = pieces.at(-1);
    if (last && last.labels.join() === labels.join()) last.text += text.slice(from, to);
    else pieces.push({ text: text.slice(from, to), labels });
  }
  return pieces;
}

interface MessageProps {
  message: TranscriptMessage;
  criteria: EvidenceTarget[];
  highlights?: readonly Highlight[] | undefined;
  onAttach: (criterion: EvidenceTarget, evidence: Evidence, passage: boolean) => void;
}

function Message({ message, criteria, onAttach, highlights }: MessageProps) {
  const text = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Read on pointer down, before the click can move the selection; the keyboard path reads it on click.
  const selectedOnPress = useRef<string | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = `attach-${message.id}`;
  const isOpen = choosing !== null;
  // Focus goes into the menu when it opens and back to its button once it has closed (after the render removed it).
  // A layout effect, so focus has moved before the next key press is handled: after paint, a quick Tab or Enter
  // could land on the old element and the late focus call would then pull it back.
  const returnFocus = useRef(false);
  useLayoutEffect(() => {
    if (isOpen) menu.current?.querySelector('button')?.focus();
    else if (returnFocus.current) button.current?.focus();
    returnFocus.current = false;
  }, [isOpen]);
  const close = () => {
    returnFocus.current = true;
    setChoosing(null);
  };

  const open = () => {
    if (choosing !== null) return setChoosing(null);
    setChoosing(selectedOnPress.current ?? selectionWithin(text.current));
    selectedOnPress.current = null;
  };
  const attach = (criterion: EvidenceTarget) => {
    const evidence = evidenceFromSelection(message, choosing ?? '');
    onAttach(criterion, evidence, evidence.quote !== evidenceFromSelection(message, '').quote);
    close();
  };

  return (
    <li class={`message role-${message.role}`} tabIndex={-1}>
      <div class="message-meta">
        <strong>{message.author}</strong> <span class="muted">· {ROLE_LABELS[message.role]}</span>
        {message.at && <time dateTime={message.at}> · {formatMessageTime(message.at)}</time>}
      </div>
      <p class="message-text" ref={text}>
        {highlights?.length
          ? highlightPieces(message.text, highlights).map((piece, i) =>
              piece.labels.length ? (
                <mark key={i} class="auto-evidence" title={piece.labels.join('; ')}>
                  {piece.text}
                </mark>
              ) : (
                piece.text
              ),
            )
          : message.text}
      </p>
      {criteria.length > 0 && (
        <div class="attach">
          <button
            type="button"
            ref={button}
            class="link"
            aria-expanded={isOpen}
            aria-controls={menuId}
            onPointerDown={() => (selectedOnPress.current = selectionWithin(text.current))}
            onClick={open}
          >
            Attach as evidence
          </button>
          {isOpen && (
            <div
              id={menuId}
              ref={menu}
              class="attach-menu"
              role="group"
              aria-label={choosing ? 'Attach the selected passage to' : 'Attach this message to'}
              onKeyDown={(e) => {
                if (e.key === 'Escape') close();
              }}
            >
              <p class="muted">{choosing ? `Attach “${choosing.trim()}” to:` : 'Attach the whole message to:'}</p>
              {criteria.map((criterion) => (
                <button key={criterion.id} type="button" onClick={() => attach(criterion)}>
                  {criterion.title}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
    </li>
  );
}
