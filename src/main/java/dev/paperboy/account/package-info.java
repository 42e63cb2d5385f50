/** Members and their roles; the only writer of the member tables. */
@NullMarked
package dev.paperboy.account;

import org.jspecify.annotations.NullMarked;
