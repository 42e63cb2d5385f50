/**
 * Sending email: transactional mail (verification, password reset, notices) through {@code Mailer},
 * and the relay's health at start-up. Headers are built here from clean values only
 * (docs/reliability.md MAIL-8). Digests are composed and sent by {@code digest}.
 */
@NullMarked
package dev.paperboy.mail;

import org.jspecify.annotations.NullMarked;
