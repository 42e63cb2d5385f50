/**
 * Code and artifacts: the repositories, models, datasets, demos and project pages a paper points
 * to. They are read from the paper's abstract and arXiv comments whenever they are needed, so they
 * are derived data that is never stale and needs no store of its own.
 */
@NullMarked
package dev.paperboy.artifact;

import org.jspecify.annotations.NullMarked;
