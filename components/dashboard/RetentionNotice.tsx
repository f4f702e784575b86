import { useEffect, useState } from 'preact/hooks';
import { describeRetention } from '../../lib/privacy/retention';
import type { DashboardClient } from './dashboard-client';

/** What the team keeps and for how long, under the dashboard's heading (set in Settings → Privacy). */
export function RetentionNotice({ client }: { client: Pick<DashboardClient, 'getTeamSettings'> }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    client.getTeamSettings().then(
      (settings) => setText(describeRetention(settings.privacy.retention)),
      () => setText(null),
    );
  }, [client]);
  if (!text) return null;
  return (
    <p class="muted retention-notice">
      Retention: {text} Personal data is redacted before it is stored (Settings → Privacy).
    </p>
  );
}
