export interface Need {
  packages: string[];
  why: string;
  env?: string;
  binary?: string[];
  command?: string;
  binaryGlob?: { dir: string; path: string };
  fonts?: boolean;
}
export const NEEDS: Record<'chromium' | 'firefox' | 'openssl' | 'fonts' | 'postgresql', Need>;
export const COMMANDS: Record<'start' | 'test' | 'bench', (keyof typeof NEEDS)[]>;
export type Plan =
  | { action: 'none' }
  | { action: 'stop'; message: string }
  | { action: 'install'; packages: string[]; reasons: string; runAs: string[]; update: boolean };
export function plan(machine: {
  command: string;
  missing: string[];
  wrongPaths?: { variable: string; value: string }[];
  isRoot: boolean;
  canSudo: boolean;
  hasApt: boolean;
  aptListsEmpty: boolean;
}): Plan;
export function isPresent(name: keyof typeof NEEDS): boolean;
