import type { Criterion, Scale, ScorecardContent } from '../schemas';

type CriterionInput = Pick<Criterion, 'id' | 'title' | 'description'> &
  Partial<Pick<Criterion, 'weight' | 'scale' | 'allowNa' | 'critical'>>;

// Defaults mirror the schema's, so templates only spell out what differs from an ordinary yes/no item.
function criterion(input: CriterionInput): Criterion {
  return { weight: 1, scale: { kind: 'binary' }, allowNa: false, critical: 'none', ...input };
}

const points = (n: 3 | 4 | 5): Scale => ({ kind: 'points', points: n });

const chatAndEmail: ScorecardContent = {
  name: 'Chat & email quality',
  description:
    'General quality standard for written conversations: did the agent understand the customer, give a correct answer, and write it well?',
  channels: ['email', 'chat', 'messaging'],
  passMark: 80,
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      bonus: false,
      criteria: [
        criterion({
          id: 'greeting',
          title: 'Greeting and personalisation',
          description:
            'Greets the customer, uses their name where known, and the reply reads as written for this customer rather than a pasted macro.',
        }),
      ],
    },
    {
      id: 'understanding',
      title: 'Understanding',
      bonus: false,
      criteria: [
        criterion({
          id: 'identified-need',
          title: 'Identified the real need',
          description:
            'Works out what the customer is actually trying to achieve, including anything implied but not asked, instead of answering only the literal question.',
          scale: points(4),
        }),
        criterion({
          id: 'clarifying-questions',
          title: 'Asked clarifying questions where needed',
          description:
            'Where the request was ambiguous, asks focused questions before acting rather than guessing. N/A when the request was already clear.',
          allowNa: true,
        }),
      ],
    },
    {
      id: 'resolution',
      title: 'Resolution',
      bonus: false,
      criteria: [
        criterion({
          id: 'accurate-answer',
          title: 'Accurate and complete answer',
          description:
            'Information and actions are correct per the knowledge base and policy, and every question the customer raised is addressed.',
          scale: points(5),
          weight: 3,
        }),
        criterion({
          id: 'next-steps',
          title: 'Resolved first time or next steps clear',
          description:
            'The issue is resolved in this contact, or the customer knows exactly what happens next, who does it and by when.',
          weight: 2,
        }),
      ],
    },
    {
      id: 'communication',
      title: 'Communication',
      bonus: false,
      criteria: [
        criterion({
          id: 'tone-empathy',
          title: 'Tone and empathy',
          description:
            'Warm, professional tone matched to the customer’s mood; acknowledges frustration or inconvenience where there is any.',
          scale: points(4),
          weight: 2,
        }),
        criterion({
          id: 'clarity',
          title: 'Clear, concise, correct spelling and grammar',
          description:
            'Easy to follow at a glance: short paragraphs or steps, no jargon, no spelling or grammar mistakes.',
          scale: points(3),
        }),
      ],
    },
    {
      id: 'process',
      title: 'Process',
      bonus: false,
      criteria: [
        criterion({
          id: 'procedure',
          title: 'Followed procedure, correct tags and notes',
          description:
            'Followed the documented process for this contact type, tagged the ticket correctly and left internal notes a colleague could pick up from.',
          allowNa: true,
        }),
        criterion({
          id: 'data-shared-correctly',
          title: 'No personal data shared with the wrong person',
          description:
            'Account or personal details went only to the verified account holder or an authorised contact. A breach fails the whole evaluation.',
          critical: 'evaluation',
        }),
      ],
    },
    {
      id: 'extra-mile',
      title: 'Going the extra mile',
      bonus: true,
      criteria: [
        criterion({
          id: 'proactive-help',
          title: 'Proactive help',
          description:
            'Anticipated a follow-up problem or offered something useful the customer did not ask for, such as a tip, a relevant article or a fix for a related issue.',
        }),
      ],
    },
  ],
};

const complaintHandling: ScorecardContent = {
  name: 'Complaint handling (HEAT)',
  description:
    'Hear, Empathise, Apologise, Take action: the standard for handling a complaint so the customer feels listened to and sees it put right.',
  channels: [],
  passMark: 75,
  sections: [
    {
      id: 'hear',
      title: 'Hear',
      bonus: false,
      criteria: [
        criterion({
          id: 'let-customer-explain',
          title: 'Let the customer explain without interruption',
          description:
            'Gave the customer room to set out the whole complaint before responding or moving to a solution.',
        }),
        criterion({
          id: 'summarised-complaint',
          title: 'Summarised the complaint back',
          description:
            'Played the complaint back in their own words so the customer could confirm it was understood correctly.',
        }),
      ],
    },
    {
      id: 'empathise',
      title: 'Empathise',
      bonus: false,
      criteria: [
        criterion({
          id: 'acknowledged-feelings',
          title: 'Acknowledged the customer’s feelings',
          description:
            'Recognised how the situation affected the customer (frustration, lost time, cost) in a genuine, non-scripted way.',
          scale: points(4),
        }),
      ],
    },
    {
      id: 'apologise',
      title: 'Apologise',
      bonus: false,
      criteria: [
        criterion({
          id: 'apology',
          title: 'Sincere apology for the experience',
          description:
            'Apologised for the customer’s experience, naming what went wrong, without blaming the customer or other teams.',
          scale: {
            kind: 'custom',
            options: [
              { id: 'sincere', label: 'Sincere and specific', value: 1, passes: true },
              { id: 'generic', label: 'Generic', value: 0.5, passes: true },
              { id: 'none', label: 'None', value: 0, passes: false },
            ],
          },
        }),
      ],
    },
    {
      id: 'take-action',
      title: 'Take action',
      bonus: false,
      criteria: [
        criterion({
          id: 'ownership',
          title: 'Took ownership',
          description:
            'Owned the complaint through to resolution instead of passing the customer around; used “I will” rather than “you need to”.',
          scale: points(5),
          weight: 3,
        }),
        criterion({
          id: 'resolution-timescale',
          title: 'Clear resolution and timescale',
          description: 'Told the customer what will be done to put it right and by when.',
          weight: 2,
        }),
        criterion({
          id: 'follow-up',
          title: 'Follow-up agreed',
          description:
            'Agreed how and when the customer will hear back. N/A when the complaint was fully resolved in this contact.',
          allowNa: true,
        }),
        // Section-critical: a complaint that should have gone up the chain is not handled, however well the rest went.
        criterion({
          id: 'escalated-per-policy',
          title: 'Escalated per complaints policy',
          description:
            'Logged and escalated the complaint as the complaints policy requires (e.g. formal complaints, regulated products, repeat contacts). N/A when no escalation was required.',
          allowNa: true,
          critical: 'section',
        }),
      ],
    },
  ],
};

const compliance: ScorecardContent = {
  name: 'Compliance',
  description:
    'Regulatory and data-protection checks. Every item must be met: a data-protection breach fails the evaluation outright.',
  channels: [],
  passMark: 100,
  sections: [
    {
      id: 'data-protection',
      title: 'Data protection',
      bonus: false,
      criteria: [
        criterion({
          id: 'identity-verified',
          title: 'Identity verified before disclosing account details',
          description:
            'Completed the required identity and security checks before revealing or changing any account information.',
          weight: 3,
          critical: 'evaluation',
        }),
        criterion({
          id: 'minimum-data',
          title: 'Only the minimum personal data disclosed',
          description:
            'Shared only the personal data needed to resolve the query; no full addresses, dates of birth or account numbers repeated back unnecessarily.',
          critical: 'evaluation',
        }),
        criterion({
          id: 'no-card-or-password-requested',
          title: 'No card numbers or passwords requested in chat or email',
          description:
            'Never asked the customer to send full card numbers, security codes or passwords over chat or email; directed them to the secure channel instead.',
          critical: 'evaluation',
        }),
      ],
    },
    {
      id: 'consumer-rights',
      title: 'Consumer rights',
      bonus: false,
      criteria: [
        criterion({
          id: 'rights-information',
          title: 'Accurate information on refund and cancellation rights',
          description:
            'Statements about refunds, returns, cancellation periods and guarantees match policy and consumer law, with nothing material left out.',
          scale: {
            kind: 'custom',
            options: [
              { id: 'accurate', label: 'Accurate', value: 1, passes: true },
              { id: 'incomplete', label: 'Incomplete', value: 0.5, passes: false },
              { id: 'inaccurate', label: 'Inaccurate', value: 0, passes: false },
            ],
          },
          weight: 2,
          critical: 'section',
        }),
        criterion({
          id: 'escalation-route',
          title: 'Correct complaint-escalation route given',
          description:
            'When the customer was dissatisfied, explained how to escalate, including the ombudsman or regulator route where applicable. N/A when not relevant.',
          allowNa: true,
        }),
      ],
    },
    {
      id: 'records',
      title: 'Records',
      bonus: false,
      criteria: [
        criterion({
          id: 'interaction-recorded',
          title: 'Interaction recorded accurately',
          description:
            'The ticket or CRM record reflects what was discussed, agreed and promised, so the audit trail is complete.',
        }),
      ],
    },
  ],
};

/** Starting points a QA lead can adopt and edit. Shared constants: clone before changing. */
export const SCORECARD_TEMPLATES: ScorecardContent[] = [chatAndEmail, complaintHandling, compliance];
