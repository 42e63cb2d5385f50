package dev.paperboy.thumbnail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How thumbnails are made.
 *
 * @param enabled whether {@code serve} makes them (they also need an arXiv contact, as every
 *     scheduled arXiv request does)
 * @param width the image's width in pixels; the height follows the page, at most 1.5 times this
 * @param maxPdfBytes the largest PDF fetched: a larger one is refused as soon as the cap is passed
 * @param renderTimeout the longest a page may take to render before it is given up
 * @param interval the pause between two rounds
 * @param perRound the most PDFs fetched in one round (each waits its turn at the gate)
 * @param listDays how many days of lists, back from the latest, get thumbnails
 * @param retryAfter how long a PDF that could not be made into a thumbnail is left alone
 */
@Validated
@ConfigurationProperties("paperboy.thumbnails")
public record ThumbnailSettings(
    @DefaultValue("true") boolean enabled,
    @Min(32) @Max(1200) @DefaultValue("480") int width,
    @Min(1024) @DefaultValue("26214400") long maxPdfBytes,
    @NotNull @DefaultValue("PT20S") Duration renderTimeout,
    @NotNull @DefaultValue("PT2M") Duration interval,
    @Min(1) @DefaultValue("20") int perRound,
    @Min(1) @DefaultValue("30") int listDays,
    @NotNull @DefaultValue("P7D") Duration retryAfter) {}
