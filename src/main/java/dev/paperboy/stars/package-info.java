/**
 * GitHub stars of the repositories listed papers link to: fetched politely from GitHub's REST API
 * (conditional requests, its rate limit obeyed), off unless configured, shown on cards and used by
 * the lists' "by stars" order.
 */
@NullMarked
package dev.paperboy.stars;

import org.jspecify.annotations.NullMarked;
