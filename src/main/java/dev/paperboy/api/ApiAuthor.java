package dev.paperboy.api;

/** An author as the Hugging Face API writes one. */
record ApiAuthor(String name, boolean hidden) {}
