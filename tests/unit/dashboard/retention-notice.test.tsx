import { render, screen } from '@testing-library/preact';
import { RetentionNotice } from '../../../components/dashboard/RetentionNotice';
import { DEFAULT_TEAM_SETTINGS } from '../../../lib/schemas';

describe('the dashboard’s retention notice', () => {
  it.each([
    [{ ticketDays: null, evaluationDays: null }, 'Ticket snapshots are kept until someone deletes them; evaluations are kept until someone deletes them.'],
    [{ ticketDays: 90, evaluationDays: 730 }, 'Ticket snapshots are kept for 90 days; evaluations are kept for 2 years.'],
  ])('says what the team keeps and for how long (%o)', async (retention, words) => {
    const settings = { ...DEFAULT_TEAM_SETTINGS, privacy: { ...DEFAULT_TEAM_SETTINGS.privacy, retention } };
    render(<RetentionNotice client={{ getTeamSettings: async () => settings }} />);
    expect((await screen.findByText(/^Retention:/)).textContent).toContain(words);
  });
});
