package dev.paperboy.web;

import dev.paperboy.collection.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One collection: its papers, most recently saved first; its owner also gets the settings.
 *
 * @param mine whether the visitor owns it (and so may change it)
 */
public record CollectionPage(
    Collection collection,
    String owner,
    boolean mine,
    List<Card> cards,
    @Nullable String olderHref,
    @Nullable String newerHref,
    @Nullable String problem) {}
