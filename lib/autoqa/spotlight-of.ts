import type { SpotlightFlag } from '../schemas';
import type { AutoQaConversation } from './conversation';
import { prepare } from './prepare';
import { spotlight } from './spotlight';

/** Spotlight flags of a conversation on its own, for imports that carry transcripts. */
export function spotlightOf(conversation: AutoQaConversation): SpotlightFlag[] {
  return spotlight(prepare(conversation));
}
