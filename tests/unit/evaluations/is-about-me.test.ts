import { isAboutMe } from '@/lib/evaluations/is-about-me';
import type { Profile } from '@/lib/schemas';

const ana: Profile = {
  name: 'Ana Agent',
  role: 'agent',
  identities: [
    { helpdesk: 'zendesk', value: 'ana@acme.test' },
    { helpdesk: null, value: 'A. Agent' },
  ],
};

describe('isAboutMe', () => {
  it.each([
    ['her display name, whatever the case', { name: ' ana agent ' }, 'freshdesk', true],
    ['her email on the helpdesk it was given for', { name: 'Someone', email: 'ANA@acme.test' }, 'zendesk', true],
    ['her email on another helpdesk', { name: 'Someone', email: 'ana@acme.test' }, 'freshdesk', false],
    ['a name given for every helpdesk', { name: 'A. Agent' }, 'front', true],
    ['another agent', { name: 'Bo Agent', email: 'bo@acme.test' }, 'zendesk', false],
  ])('%s', (_, agent, helpdesk, expected) => {
    expect(isAboutMe(agent, helpdesk, ana)).toBe(expected);
  });

  it('no agent, or a profile with no name, is never "me"', () => {
    expect(isAboutMe(null, 'zendesk', ana)).toBe(false);
    expect(isAboutMe({ name: '' }, 'zendesk', { name: '', identities: [] })).toBe(false);
  });
});
