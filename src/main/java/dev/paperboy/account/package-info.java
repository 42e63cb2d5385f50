/**
 * Members: sign-up, verification and reset links, passwords, roles and bans. The only writer of the
 * member tables (a vote takes a member row's lock with a no-op update, see curation.Votes).
 */
@NullMarked
package dev.paperboy.account;

import org.jspecify.annotations.NullMarked;
