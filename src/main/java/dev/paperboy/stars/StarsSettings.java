package dev.paperboy.stars;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * GitHub stars.
 *
 * @param enabled whether {@code serve} asks GitHub for stars at all; off by default
 * @param apiUrl GitHub's REST API (a stand-in in tests)
 * @param token a GitHub token, optional: without one GitHub allows 60 requests an hour, with one
 *     5,000
 * @param interval how often the job looks for repositories to check
 * @param refresh how long a repository's stars stand before they are asked again
 * @param batch the most repositories asked in one run
 * @param listedDays repositories of papers listed in this many days are checked
 */
@Validated
@ConfigurationProperties("paperboy.github")
public record StarsSettings(
    @DefaultValue("false") boolean enabled,
    @NotNull @DefaultValue("https://api.github.com") URI apiUrl,
    @Nullable String token,
    @NotNull @DefaultValue("PT10M") Duration interval,
    @NotNull @DefaultValue("PT24H") Duration refresh,
    @Min(1) @Max(1000) @DefaultValue("50") int batch,
    @Min(1) @Max(366) @DefaultValue("31") int listedDays) {}
