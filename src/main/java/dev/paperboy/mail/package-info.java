/**
 * Sending email: transactional mail now (verification, password reset, notices), digests later.
 * Headers are built here from clean values only (docs/reliability.md MAIL-8).
 */
@NullMarked
package dev.paperboy.mail;

import org.jspecify.annotations.NullMarked;
