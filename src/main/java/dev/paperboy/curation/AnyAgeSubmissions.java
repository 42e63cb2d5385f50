package dev.paperboy.curation;

import dev.paperboy.paper.ArxivId;

/**
 * Papers a member may submit however long ago they were first published. The site's rule is the
 * submit window ({@link CurationSettings#submitMaxAge()}); a module that brings papers of its own
 * for people to try the site on (the demo's corpus, years old) names them here, so that the
 * community loop can be tried on them.
 */
public interface AnyAgeSubmissions {
  boolean allows(ArxivId id);
}
