/**
 * Email digests: subscriptions with double opt-in, one edition per cadence and period, an outbox
 * that delivers each subscriber's digest at least once and at most once per kill, one-click
 * unsubscribe, bounces and suppression, data export and erasure (docs/reliability.md MAIL-1 ...
 * MAIL-8).
 */
@NullMarked
package dev.paperboy.digest;

import org.jspecify.annotations.NullMarked;
