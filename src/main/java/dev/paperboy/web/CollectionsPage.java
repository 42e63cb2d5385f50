package dev.paperboy.web;

import dev.paperboy.collection.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The member's collections, and the form that makes another (with what was typed, if refused). */
public record CollectionsPage(
    List<Collection> collections, String name, @Nullable String problem) {}
