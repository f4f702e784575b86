/**
 * SHA-256 that answers synchronously. `crypto.subtle.digest` is asynchronous, and awaiting it
 * inside a Dexie transaction ends the transaction: the erasure list (./erasure-list.ts) has to
 * fingerprint names while a restore or a pulled page is being merged, in the merge's transaction.
 * @noble/hashes is an audited implementation with no dependencies, over the UTF-8 bytes of the text.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
