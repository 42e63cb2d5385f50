package dev.paperboy.web;

import dev.paperboy.collection.Collection;
import dev.paperboy.discussion.Comment;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member's public page: the papers they are an approved author of, what they submitted, upvoted,
 * wrote and keep in public collections.
 */
public record ProfilePage(
    String username,
    String joined,
    String role,
    int karma,
    @Nullable String ban,
    List<Card> authored,
    List<Card> submitted,
    List<Card> upvoted,
    List<Comment> comments,
    List<Collection> collections) {}
