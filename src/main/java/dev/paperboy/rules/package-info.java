/**
 * What a visitor or member may do: the refusals every feature answers with (each carrying the HTTP
 * status it maps to at the edge) and the abuse limits, whose state all nodes share.
 */
@NullMarked
package dev.paperboy.rules;

import org.jspecify.annotations.NullMarked;
