/**
 * Lists by period (day, ISO week, month) and the trending order, as pure functions of votes, times
 * and a clock.
 */
@NullMarked
package dev.paperboy.ranking;

import org.jspecify.annotations.NullMarked;
