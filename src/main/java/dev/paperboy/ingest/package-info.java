/**
 * Getting arXiv metadata into the paper store: the streaming snapshot importer (and, later,
 * OAI-PMH, API and RSS).
 */
@NullMarked
package dev.paperboy.ingest;

import org.jspecify.annotations.NullMarked;
