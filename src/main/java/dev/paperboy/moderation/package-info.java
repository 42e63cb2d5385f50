/**
 * Curator and moderator actions (feature, pin, remove, hide, ban) and the append-only log every one
 * of them writes (docs/reliability.md VOTE-6). Uses the other features; none of them uses it.
 */
@NullMarked
package dev.paperboy.moderation;

import org.jspecify.annotations.NullMarked;
