package dev.paperboy.web;

import dev.paperboy.author.AuthorProfile;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An author's page.
 *
 * @param href this page's address, where the follow button comes back to
 * @param followed whether the signed-in visitor follows the author
 */
public record AuthorPage(
    AuthorProfile author,
    String href,
    String feed,
    List<Card> cards,
    int total,
    boolean followed,
    @Nullable String olderHref,
    @Nullable String newerHref) {}
