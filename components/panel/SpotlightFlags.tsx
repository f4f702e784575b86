import { SPOTLIGHT_LABELS, type SpotlightFlag } from '@/lib/schemas';

/** Why this conversation deserves a human look, worked out in the browser from the transcript and KPIs. */
export function SpotlightFlags({ flags }: { flags: readonly SpotlightFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <section class="spotlight" aria-labelledby="spotlight-heading">
      <h2 id="spotlight-heading">Spotlight</h2>
      <ul>
        {flags.map((flag) => (
          <li key={flag.kind} data-testid="spotlight-flag">
            <strong>{SPOTLIGHT_LABELS[flag.kind]}</strong> {flag.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
