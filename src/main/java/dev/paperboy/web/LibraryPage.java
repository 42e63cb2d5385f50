package dev.paperboy.web;

import dev.paperboy.paper.Paper;
import dev.paperboy.recommend.LibraryImport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A member's library and, after an import, what it found.
 *
 * @param size how many papers the library holds
 * @param recent the most recently added of them
 * @param outcome what the import just made did, if one was made
 * @param problem why the import was refused, if it was
 * @param text the refused text, shown back for mending
 */
public record LibraryPage(
    int size,
    List<Paper> recent,
    LibraryImport.@Nullable Outcome outcome,
    @Nullable String problem,
    String text) {}
