/**
 * The English word lists the checks read, written as people type them and put in canonical form
 * once (see normal-text.ts), so "Don't", "do not" and "dont’" are one entry.
 */
import { canonicalPhrase } from './normal-text';

const canonical = (phrases: readonly string[]) => [...new Set(phrases.map(canonicalPhrase))];

export const GREETINGS = canonical([
  'hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'dear', 'good morning', 'good afternoon', 'good evening', 'good day',
  'morning', 'afternoon', 'welcome', 'thanks for reaching out', 'thank you for reaching out', 'thanks for contacting',
  'thank you for contacting', 'thanks for getting in touch', 'thank you for getting in touch', 'thanks for your message',
  'thank you for your message', 'thanks for writing', 'thank you for writing', 'thanks for your email', 'thank you for your email',
  'thanks for chatting', 'thank you for chatting', 'thanks for waiting', 'thank you for waiting', 'thank you for holding',
]);

export const OFFERS_OF_HELP = canonical([
  'anything else', 'is there anything', 'let me know if', 'let us know if', 'feel free to', 'do not hesitate', 'happy to help',
  'glad to help', 'if you have any', 'if you need anything', 'if you need any', 'reach out', 'get back to us', 'get in touch',
  'here if you need', 'here to help', 'any other questions', 'any further questions', 'any more questions', 'help with anything',
  'can i help with', 'anything more', 'just reply', 'simply reply', 'reply to this email', 'contact us again', 'any other way',
  'need anything', 'further assistance', 'further help', 'else i can do', 'else we can do',
]);

/** Sign-offs that close a conversation wherever they stand in the last replies. */
export const SIGN_OFFS = canonical([
  'have a great day', 'have a good day', 'have a nice day', 'have a lovely day', 'have a wonderful day', 'have a great evening',
  'have a good evening', 'have a nice evening', 'have a great weekend', 'have a good weekend', 'have a nice weekend',
  'have a lovely weekend', 'have a great one', 'have a good one', 'have a nice one', 'enjoy your day', 'enjoy your weekend',
  'enjoy your evening', 'enjoy the rest of your day', 'take care', 'best regards', 'kind regards', 'warm regards', 'warmest regards',
  'regards', 'best wishes', 'all the best', 'sincerely', 'yours truly', 'goodbye', 'bye', 'bye for now', 'speak soon', 'talk soon',
  'thanks again', 'thank you again', 'thanks for contacting', 'thank you for contacting', 'thanks for chatting', 'thank you for chatting',
  'thanks for reaching out', 'thank you for reaching out', 'thanks for your patience', 'thank you for your patience',
  'thank you for your understanding', 'thanks for your understanding', 'thanks for choosing', 'thank you for choosing',
  'have a fantastic day', 'stay safe', 'until next time', 'safe travels', 'safe trip', 'enjoy your trip', 'enjoy your meal',
]);

/** "Have a lovely afternoon", "have a safe flight": the pattern behind most chat sign-offs. */
export const HAVE_A_GOOD = / have an? (?:\w+ )?(?:great|good|nice|lovely|wonderful|fantastic|brilliant|pleasant|safe|happy|relaxing|super|beautiful|productive) (?:\w+ )?(?:day|evening|afternoon|morning|weekend|one|night|week|time|trip|flight|holiday|holidays|rest of (?:the|your) (?:day|week))(?= )/g;

/** Sign-offs that only close when they end the last reply ("Thanks,\nSam"), since they open replies too. */
export const CLOSING_THANKS = canonical(['thanks', 'thank you', 'many thanks', 'cheers', 'best', 'thx', 'ta']);

export const FRUSTRATION = canonical([
  'frustrated', 'frustrating', 'frustration', 'annoyed', 'annoying', 'angry', 'furious', 'upset', 'unacceptable', 'ridiculous',
  'disappointed', 'disappointing', 'fed up', 'sick of', 'sick and tired', 'waste of time', 'wasted', 'third time', 'second time',
  'fourth time', 'again and again', 'still not', 'still waiting', 'still have not', 'still no', 'still broken', 'no one',
  'nobody', 'terrible', 'awful', 'horrible', 'worst', 'useless', 'a joke', 'hopeless', 'disgusted', 'disgusting', 'outrageous',
  'pathetic', 'fuming', 'livid', 'not happy', 'unhappy', 'not impressed', 'not good enough', 'how many times', 'this is insane',
  'never again', 'had enough', 'lost patience', 'losing patience', 'shocking', 'appalling', 'incompetent', 'what is going on',
  'are you kidding', 'seriously', 'not helpful', 'unhelpful', 'no help', 'wrong again', 'happened again', 'not working again', 'broken again', 'late again', 'failed again', 'down again', 'why is it so hard', 'i am done', 'ignored', 'scam', 'rip off', 'rubbish', 'nightmare',
]);

export const EMPATHY = canonical([
  'sorry', 'apologise', 'apologies', 'apology', 'my apologies', 'i apologise', 'we apologise', 'i understand', 'we understand',
  'understand how', 'understand your', 'understand why', 'completely understand', 'totally understand', 'i can imagine',
  'can only imagine', 'i can see how', 'i can see why', 'i hear you', 'that must be', 'must be frustrating', 'must have been',
  'appreciate your patience', 'thank you for your patience', 'thanks for your patience', 'thank you for bearing with',
  'i know how', 'i realise', 'not the experience', 'regret', 'i feel for you', 'that sounds frustrating', 'sounds frustrating',
  'that is frustrating', 'understandably', 'rightly', 'you are right to', 'you have every right', 'i get why',
  'thank you for your understanding', 'inconvenience', 'let me make this right', 'make it right', 'put this right',
]);

/** Threats and demands that show a customer is upset enough to take it further. */
export const ESCALATION = canonical([
  'manager', 'supervisor', 'someone senior', 'speak to someone else', 'your boss', 'complaint', 'complain', 'complaining',
  'formal complaint', 'legal', 'legal action', 'lawyer', 'attorney', 'solicitor', 'sue', 'suing', 'court', 'ombudsman', 'regulator',
  'chargeback', 'dispute the charge', 'trading standards', 'better business bureau', 'bbb', 'small claims', 'report you',
  'escalate', 'escalation', 'take my business elsewhere', 'go elsewhere', 'switching to another', 'leave a review', 'never again',
]);

/** Phrases customer-service teams commonly ban: used with the team's own list unless turned off. */
export const DEFAULT_PROHIBITED_PHRASES = [
  'calm down', 'not my problem', 'not my job', 'not my department', 'you should have', 'I already told you', 'as I already said',
  'like I said', 'as I said', 'obviously', 'whatever', 'no idea', 'nothing I can do', 'nothing we can do', 'you are wrong',
  'not our fault', 'deal with it', 'I cannot help you', 'we cannot help you', 'shut up', 'stupid', 'idiot', 'dumb',
  'per my last email', 'read the manual', 'google it', 'that is impossible', 'wtf', 'damn', 'crap', 'bloody',
  'I do not care', 'your fault', 'calm yourself',
] as const;

/** Swearing, which no reply to a customer should carry. */
export const PROFANITY = canonical(['damn', 'crap', 'bloody', 'hell', 'wtf', 'shit', 'fuck', 'fucking', 'bullshit', 'pissed', 'sucks']);

/** Ways of talking about the customer that no customer should read. */
export const DISPARAGING = canonical(['being difficult', 'difficult customer', 'rude customer', 'being rude', 'annoying customer', 'the customer is lying', 'is being a pain', 'time waster', 'crazy customer']);

/** Replies that hold the customer ("let me check") and settle nothing when the conversation ends on them. */
export const HOLDING = canonical(['let me check', 'one moment', 'just a moment', 'give me a moment', 'bear with me', 'checking now', 'let me look', 'let me see', 'please hold', 'hold on']);

/** Dismissive ways of talking to a customer, whatever a team's list says. */
export const BLUNT = canonical([
  'as i said', 'like i said', 'i already told you', 'as i already said', 'as previously stated', 'as stated before',
  'read the', 'you should have', 'calm down', 'not my problem', 'nothing i can do', 'that is your problem', 'deal with it',
  'whatever', 'obviously', 'i can not help you', 'what do you want', 'stop asking', 'i do not care', 'your fault', 'not our fault',
  'we do not do that', 'not possible', 'that is policy', 'take it or leave it', 'if you had read', 'you need to read',
  'i have explained', 'i will not repeat', 'look it up', 'figure it out', 'google it', 'no idea', 'too bad', 'tough luck',
  'shut up', 'stupid', 'idiot',
]);

/** Bare replies that read as brushing the customer off when they are the whole message. */
export const CURT_REPLIES = canonical(['no', 'nope', 'fine', 'ok', 'okay', 'k', 'done', 'can not', 'not possible', 'no idea', 'whatever', 'as i said', 'yes', 'yep', 'sure', 'what', 'so']);

/** Words that make a short reply courteous rather than curt. */
export const COURTESY = canonical(['thanks', 'thank you', 'please', 'sorry', 'happy to', 'glad', 'of course', 'no problem', 'great', 'hi', 'hello', 'welcome', 'certainly', 'absolutely']);
