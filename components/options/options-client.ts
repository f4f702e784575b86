import type { Profile, Scorecard, ScorecardContent, TeamSettings } from '../../lib/schemas';

/**
 * Everything the settings page needs from the outside world. The entrypoint builds one over the
 * extension's database; tests build one over a throwaway database. Components never open the
 * database themselves.
 */
export interface OptionsClient {
  /** The newest version of every scorecard that is not archived, by name. */
  listScorecards(): Promise<Scorecard[]>;
  /**
   * Saves content as a new scorecard (no id) or over an existing one. When evaluations use the
   * newest version, the result is the next version; the caller reports `version` to the user.
   */
  saveScorecard(input: { id?: string; content: ScorecardContent }): Promise<Scorecard>;
  archiveScorecard(id: string): Promise<void>;
  getProfile(): Promise<Profile>;
  saveProfile(profile: Profile): Promise<Profile>;
  getTeamSettings(): Promise<TeamSettings>;
  saveTeamSettings(settings: TeamSettings): Promise<TeamSettings>;
  /** Offers `text` to the user as a file download named `filename`. */
  download(filename: string, text: string): void;
}
