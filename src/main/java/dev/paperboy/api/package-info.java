/** The JSON API, shaped like the Hugging Face daily papers API, with problem+json errors. */
@NullMarked
package dev.paperboy.api;

import org.jspecify.annotations.NullMarked;
