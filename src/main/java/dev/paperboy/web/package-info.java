/** Server-rendered HTML pages (JTE templates) and static assets. */
@NullMarked
package dev.paperboy.web;

import org.jspecify.annotations.NullMarked;
